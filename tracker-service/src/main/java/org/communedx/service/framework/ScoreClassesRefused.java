package org.communedx.service.framework;

import java.util.List;

import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRuleViolation;

/**
 * A draft's classes that {@link org.communedx.model.framework.ScoreClasses#problemsPerClass} refuses, with each problem
 * on the class it is about, so that the form shows it on that class's row.
 */
public class ScoreClassesRefused extends FrameworkRuleViolation {

    private final List<List<FrameworkProblem>> perClass;

    ScoreClassesRefused(List<List<FrameworkProblem>> perClass) {
        super(perClass.stream().flatMap(List::stream).toList());
        this.perClass = perClass.stream().map(List::copyOf).toList();
    }

    /** The problems of each class, in the order the classes were given (an empty list for a class that passes). */
    public List<List<FrameworkProblem>> perClass() {
        return perClass;
    }
}
