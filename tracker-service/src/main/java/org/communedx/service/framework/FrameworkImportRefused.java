package org.communedx.service.framework;

import java.util.List;

/** An import file that cannot become a draft; carries every problem found, and nothing was saved. */
public class FrameworkImportRefused extends RuntimeException {

    private final List<ImportProblem> problems;

    FrameworkImportRefused(List<ImportProblem> problems) {
        super(problems.size() + " problems, first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
