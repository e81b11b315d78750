package org.communedx.web.entry;

import org.communedx.model.RuleViolation;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refusal because the period is closed to communes says what the entry page's notice of the closed period says:
 * the page that follows it then leaves the notice out, so that a screen reader reads it once, not twice.
 */
public final class ClosedPeriodRefusal {

    private ClosedPeriodRefusal() {
    }

    /** Tells the entry page that follows whether {@code refusal} is the closed period's. */
    public static void note(RedirectAttributes redirect, RuleViolation refusal) {
        redirect.addFlashAttribute("refusedAsClosed", "period.refused.deadlinePassed".equals(refusal.messageKey()));
    }
}
