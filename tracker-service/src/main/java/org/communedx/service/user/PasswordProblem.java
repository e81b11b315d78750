package org.communedx.service.user;

import java.util.List;

/** One rule a password breaks, as a message key and the arguments the message shows. */
public record PasswordProblem(String messageKey, List<Object> arguments) {

    public PasswordProblem {
        arguments = List.copyOf(arguments);
    }

    PasswordProblem(String messageKey, Object... arguments) {
        this(messageKey, List.of(arguments));
    }
}
