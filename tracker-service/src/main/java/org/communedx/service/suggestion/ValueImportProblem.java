package org.communedx.service.suggestion;

import java.util.List;

/**
 * One thing wrong with an imported value file, where a person finds it in the file.
 *
 * @param line the row in the file as the spreadsheet numbers it (the header is row 1); 0 for the whole file
 * @param column the column as the file names it: its letter and, where known, its header ("C · criterion_code"),
 *     or null for a whole row or the whole file
 * @param messageKey the message, in the bundles, with its {@code arguments}
 */
public record ValueImportProblem(int line, String column, String messageKey, List<Object> arguments) {

    public ValueImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ValueImportProblem ofFile(String messageKey, Object... arguments) {
        return new ValueImportProblem(0, null, messageKey, List.of(arguments));
    }

    /** The arguments as an array, for {@code #messages.msgWithParams} on a page. */
    public Object[] args() {
        return arguments.toArray();
    }
}
