package org.communedx.service.notification;

/**
 * What a notice says, and so its message key ({@code notification.kind.<KIND>}, with the notice's parameters) and
 * what it links to.
 */
public enum NotificationKind {

    /** A reviewer returned an entry: {@code criterion}, {@code commune}, {@code reason}. */
    ENTRY_RETURNED(Target.ENTRY),

    /** A reviewer reopened an entry: {@code criterion}, {@code commune}, {@code reason}. */
    ENTRY_REOPENED(Target.ENTRY),

    /** Someone of the other side commented on an entry: {@code criterion}, {@code commune}, {@code author}. */
    COMMENT_POSTED(Target.ENTRY),

    /** A file of an entry stops being valid soon: {@code criterion}, {@code commune}, {@code validUntil}. */
    EVIDENCE_EXPIRING(Target.ENTRY),

    /** The reviewer's daily count of submissions waiting: {@code count}, {@code oldest} (a date). */
    SUBMISSIONS_WAITING(Target.REVIEW_QUEUE),

    /** A period's deadline is {@code days} days ahead ({@code deadline}) and the commune has entries not submitted. */
    DEADLINE_AHEAD(Target.SCORECARD),

    /** A period's deadline ({@code deadline}) passed with {@code count} communes of the province missing entries. */
    DEADLINE_PASSED(Target.DASHBOARD);

    /** What a notice of the kind links to. */
    public enum Target {
        /** The entry's page. */
        ENTRY,
        /** The reviewer's queue. */
        REVIEW_QUEUE,
        /** The commune's scorecard for the period. */
        SCORECARD,
        /** The unit's dashboard. */
        DASHBOARD
    }

    private final Target target;

    NotificationKind(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    /** The message key of the notice's text, e.g. {@code notification.kind.ENTRY_RETURNED}. */
    public String messageKey() {
        return "notification.kind." + name();
    }
}
