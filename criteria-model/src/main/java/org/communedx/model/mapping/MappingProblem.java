package org.communedx.model.mapping;

import java.util.List;

/**
 * One reason a mapping is refused.
 * @param link the index of the link it is about, in the order given, or -1 for the mapping as a whole
 */
public record MappingProblem(int link, String messageKey, List<Object> arguments) {

    public MappingProblem {
        arguments = List.copyOf(arguments);
    }

    static MappingProblem ofMapping(String messageKey, Object... arguments) {
        return new MappingProblem(-1, messageKey, List.of(arguments));
    }
}
