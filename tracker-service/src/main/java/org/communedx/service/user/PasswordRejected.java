package org.communedx.service.user;

import java.util.List;

/** The new password breaks the {@link PasswordPolicy}, or is the current one. */
public class PasswordRejected extends RuntimeException {

    private final List<PasswordProblem> problems;

    PasswordRejected(List<PasswordProblem> problems) {
        super("The new password is refused: " + problems.stream().map(PasswordProblem::messageKey).toList());
        this.problems = List.copyOf(problems);
    }

    public List<PasswordProblem> problems() {
        return problems;
    }
}
