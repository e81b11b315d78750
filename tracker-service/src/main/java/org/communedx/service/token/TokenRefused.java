package org.communedx.service.token;

import java.util.List;

import org.communedx.service.token.ApiTokens.Problem;

/**
 * A token that may not be issued as asked: the form shows each problem at its field ("name", "role", "unitCode" or
 * "validDays") in the user's language, and nothing was saved.
 */
public class TokenRefused extends RuntimeException {

    private final transient List<Problem> problems;

    TokenRefused(List<Problem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.messageKey()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
