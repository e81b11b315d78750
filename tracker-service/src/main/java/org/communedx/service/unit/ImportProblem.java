package org.communedx.service.unit;

import java.util.Comparator;

/**
 * One reason a file was refused: where (line 1 is the header; 0 is the file as a whole), which column, and a
 * message key with its arguments so that the page says it in the user's language.
 */
public record ImportProblem(int line, String column, String messageKey, Object... args) {

    static final Comparator<ImportProblem> IN_FILE_ORDER = Comparator.comparingInt(ImportProblem::line);

    static ImportProblem ofFile(String messageKey, Object... args) {
        return new ImportProblem(0, null, messageKey, args);
    }
}
