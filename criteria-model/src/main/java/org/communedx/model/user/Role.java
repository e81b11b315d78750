package org.communedx.model.user;

import org.communedx.model.unit.UnitLevel;

public enum Role {
    ADMIN, PROVINCE_MANAGER, DISTRICT_OFFICIAL, COMMUNE_STAFF, VIEWER;

    /**
     * Whether a unit of this level can be the role's unit. A district official may sit at a province, because
     * since July 2025 most provinces have no districts; an administrator has no unit at all.
     */
    public boolean fits(UnitLevel level) {
        return switch (this) {
            case ADMIN -> false;
            case PROVINCE_MANAGER -> level == UnitLevel.PROVINCE;
            case DISTRICT_OFFICIAL -> level == UnitLevel.DISTRICT || level == UnitLevel.PROVINCE;
            case COMMUNE_STAFF -> level == UnitLevel.COMMUNE;
            case VIEWER -> level != null;
        };
    }
}
