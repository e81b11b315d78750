package org.communedx.service.mapping;

import java.util.List;

/** One reason a prefill is refused, to be worded in the user's language. */
public record PrefillProblem(String messageKey, List<Object> arguments) {

    public PrefillProblem {
        arguments = List.copyOf(arguments);
    }

    static PrefillProblem of(String messageKey, Object... arguments) {
        return new PrefillProblem(messageKey, List.of(arguments));
    }
}
