package org.communedx.service.suggestion;

import java.util.List;

/** An upload refused before its job started (too large, say): answered on the form, with nothing kept. */
public class ValueImportRefused extends RuntimeException {

    private final List<ValueImportProblem> problems;

    ValueImportRefused(ValueImportProblem problem) {
        super(problem.messageKey());
        this.problems = List.of(problem);
    }

    public List<ValueImportProblem> problems() {
        return problems;
    }
}
