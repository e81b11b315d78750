package org.communedx.service.mapping;

import java.util.List;

/** A mapping file that cannot be saved; carries every problem found, and nothing was saved. */
public class MappingImportRefused extends RuntimeException {

    private final List<MappingFileProblem> problems;

    MappingImportRefused(List<MappingFileProblem> problems) {
        super(problems.size() + " problems, first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<MappingFileProblem> problems() {
        return problems;
    }
}
