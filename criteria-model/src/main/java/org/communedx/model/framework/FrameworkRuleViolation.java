package org.communedx.model.framework;

import java.util.List;

/** A framework change that the rules refuse; carries every problem found, not only the first. */
public class FrameworkRuleViolation extends RuntimeException {

    private final List<FrameworkProblem> problems;

    public FrameworkRuleViolation(List<FrameworkProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public FrameworkRuleViolation(FrameworkProblem problem) {
        this(List.of(problem));
    }

    public List<FrameworkProblem> problems() {
        return problems;
    }
}
