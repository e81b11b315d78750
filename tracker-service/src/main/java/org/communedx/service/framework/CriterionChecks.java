package org.communedx.service.framework;

import java.util.ArrayList;
import java.util.List;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Codes;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.FrameworkProblem;

/**
 * The checks that publishing makes on one criterion, made as soon as an administrator saves or imports it, so
 * that a mistake is reported next to the field rather than weeks later when the version is published.
 */
final class CriterionChecks {

    private CriterionChecks() {
    }

    static List<FrameworkProblem> of(CriterionDefinition definition) {
        List<FrameworkProblem> problems = new ArrayList<>();
        Codes.shapeProblem(definition.code()).ifPresent(problems::add);
        if (!definition.type().acceptsTarget(definition.target())) {
            problems.add(new FrameworkProblem(definition.code(),
                    "framework.problem.targetOutOfRange." + definition.type(), definition.code(),
                    Numbers.plain(definition.target())));
        }
        if (definition.weight().signum() <= 0) {
            problems.add(new FrameworkProblem(definition.code(), "framework.problem.weightNotPositive",
                    definition.code(), Numbers.plain(definition.weight())));
        }
        problems.addAll(definition.scoring().problems(definition.code(), definition.type(), definition.weight()));
        return problems;
    }
}
