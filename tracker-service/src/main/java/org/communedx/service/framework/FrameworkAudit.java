package org.communedx.service.framework;

/**
 * How the audit trail names framework changes: one record type per entity, each with its own id, and each snapshot
 * naming the version it belongs to (the entities' {@code snapshot()}), so that a removed group or criterion still
 * says what it was and where.
 */
final class FrameworkAudit {

    static final String FRAMEWORK = "FRAMEWORK";

    static final String GROUP = "CRITERION_GROUP";

    static final String CRITERION = "CRITERION";

    private FrameworkAudit() {
    }
}
