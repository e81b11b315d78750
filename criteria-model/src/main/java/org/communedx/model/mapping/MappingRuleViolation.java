package org.communedx.model.mapping;

import java.util.List;

/** A mapping that breaks its rules; carries every problem found. */
public class MappingRuleViolation extends RuntimeException {

    private final List<MappingProblem> problems;

    MappingRuleViolation(List<MappingProblem> problems) {
        super(problems.size() + " problems, first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
