package org.communedx.model.user;

public enum Role {
    ADMIN, PROVINCE_MANAGER, DISTRICT_OFFICIAL, COMMUNE_STAFF, VIEWER
}
