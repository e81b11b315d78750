package org.communedx.service.unit;

import java.util.List;

import org.communedx.service.job.JobRefusal;

/**
 * A file that was not imported at all, with every problem found in it: when it was read, or by its background job,
 * whose answer it then is.
 */
public class UnitImportRejected extends RuntimeException implements JobRefusal {

    private final List<ImportProblem> problems;

    UnitImportRejected(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0).messageKey());
        this.problems = problems.stream().sorted(ImportProblem.IN_FILE_ORDER).toList();
    }

    UnitImportRejected(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
