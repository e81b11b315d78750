package org.communedx.model.period;

import java.util.List;

import org.communedx.model.RuleViolation;

/**
 * Every reason a plan's or a period's terms were refused, so that the form lists them at once rather than one a save;
 * as a {@link RuleViolation}, the first of them.
 */
public class TermsRefused extends RuleViolation {

    private final transient List<RuleViolation> problems;

    private TermsRefused(List<RuleViolation> problems) {
        super(problems.get(0).messageKey(), problems.get(0).arguments().toArray());
        this.problems = List.copyOf(problems);
    }

    /** Throws the problems, if there are any. */
    public static void throwIfAny(List<RuleViolation> problems) {
        if (!problems.isEmpty()) {
            throw new TermsRefused(problems);
        }
    }

    public List<RuleViolation> problems() {
        return problems;
    }
}
