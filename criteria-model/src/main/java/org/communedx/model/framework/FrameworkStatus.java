package org.communedx.model.framework;

public enum FrameworkStatus {
    DRAFT, PUBLISHED, RETIRED
}
