package org.communedx.model.assessment;

import org.communedx.model.RuleViolation;

/** The entry changed since the user loaded it; nothing was saved. */
public class EntryConflict extends RuleViolation {

    /** Someone else changed it, or a concurrent transaction did. */
    public EntryConflict() {
        super("entry.conflict");
    }

    private EntryConflict(String messageKey) {
        super(messageKey);
    }

    /**
     * The conflict of a change to an entry that {@code actor} did not see: theirs when they made the last change
     * themselves, in another tab or window, where "someone else changed it" puzzled them.
     */
    public static EntryConflict seenBefore(CriterionEntry entry, String actor) {
        return actor != null && actor.equals(entry.getLastChangedBy()) ? new EntryConflict("entry.conflict.own")
                : new EntryConflict();
    }
}
