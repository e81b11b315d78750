package org.communedx.service.user;

import java.util.Comparator;
import java.util.List;

import org.communedx.service.job.JobRefusal;

/** Nothing was saved: the user, or the import file, breaks the rules listed. */
public class UserRejected extends RuntimeException implements JobRefusal {

    private final List<UserProblem> problems;

    UserRejected(List<UserProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0).messageKey());
        this.problems = problems.stream().sorted(Comparator.comparingInt(UserProblem::line)).toList();
    }

    UserRejected(UserProblem problem) {
        this(List.of(problem));
    }

    public List<UserProblem> problems() {
        return problems;
    }
}
