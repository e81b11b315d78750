package org.communedx.model.assessment;

import org.communedx.model.RuleViolation;

/** Someone else changed the entry since the user loaded it; nothing was saved. */
public class EntryConflict extends RuleViolation {

    public EntryConflict() {
        super("entry.conflict");
    }
}
