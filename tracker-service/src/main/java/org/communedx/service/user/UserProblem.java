package org.communedx.service.user;

import java.util.List;

/**
 * One reason a user could not be saved: where (the line of an import file, 1 being the header, or 0), which field
 * (null for the file as a whole), and a message key with its arguments, so that the page says it in the user's
 * language.
 */
public record UserProblem(int line, UserField field, String messageKey, List<Object> arguments) {

    public UserProblem {
        arguments = List.copyOf(arguments);
    }

    static UserProblem of(int line, UserField field, String messageKey, Object... arguments) {
        return new UserProblem(line, field, messageKey, List.of(arguments));
    }

    /** The column of the import file, for messages; null when the problem concerns the whole file or row. */
    public String column() {
        return field == null ? null : field.column();
    }
}
