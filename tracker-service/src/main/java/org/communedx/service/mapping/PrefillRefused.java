package org.communedx.service.mapping;

import java.util.List;

import org.communedx.service.job.JobRefusal;

/**
 * A prefill that cannot run, with every problem; nothing was written. Raised when it is asked for, and again by
 * its job should a commune have entered values meanwhile, in which case the whole job rolls back.
 */
public class PrefillRefused extends RuntimeException implements JobRefusal {

    private final List<PrefillProblem> problems;

    PrefillRefused(List<PrefillProblem> problems) {
        super(problems.size() + " problems, first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<PrefillProblem> problems() {
        return problems;
    }
}
