package org.communedx.model.assessment;

/**
 * Where a criterion entry stands in review. {@link #NOT_APPLICABLE} is a not-applicable request that a reviewer
 * approved; like {@link #APPROVED}, it is locked until a reviewer reopens it.
 */
public enum EntryStatus {

    NOT_STARTED, DRAFT, SUBMITTED, APPROVED, RETURNED, NOT_APPLICABLE_REQUESTED, NOT_APPLICABLE;

    /** Whether commune staff may still change the value or ask for "not applicable". */
    public boolean isEditable() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }

    /** Whether a reviewer has accepted it, which locks it. */
    public boolean isLocked() {
        return this == APPROVED || this == NOT_APPLICABLE;
    }
}
