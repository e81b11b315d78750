package org.communedx.service.importing;

import java.util.List;

/**
 * A file that reading stopped on: beyond one of its {@link ImportLimits}, or not UTF-8, CSV or XLSX at all. Each import
 * turns it into a problem of its own kind; the limits have message keys of their own ({@code import.limit.*}), the
 * same on every import page.
 */
public class ImportFileRefused extends RuntimeException {

    private final Reason reason;

    private final int line;

    private final List<Object> arguments;

    ImportFileRefused(Reason reason, int line, Object... arguments) {
        super(reason + " at line " + line);
        this.reason = reason;
        this.line = line;
        this.arguments = List.of(arguments);
    }

    static ImportFileRefused fileTooLarge(long maxBytes) {
        return new ImportFileRefused(Reason.FILE_TOO_LARGE, 0, ImportLimits.size(maxBytes));
    }

    public static ImportFileRefused tooManyRows(int maxRows) {
        return new ImportFileRefused(Reason.TOO_MANY_ROWS, 0, maxRows);
    }

    public static ImportFileRefused cellTooLong(int line, int maxCellLength) {
        return new ImportFileRefused(Reason.CELL_TOO_LONG, line, maxCellLength);
    }

    static ImportFileRefused controlCharacter(int line) {
        return new ImportFileRefused(Reason.CONTROL_CHARACTER, line);
    }

    public Reason reason() {
        return reason;
    }

    /** The line reading stopped at, or where the cell too long began (the header is line 1); 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The key of the message of a limit or a control character; the other reasons are worded by each import. */
    public String messageKey() {
        return switch (reason) {
            case FILE_TOO_LARGE -> "import.limit.fileSize";
            case TOO_MANY_ROWS -> "import.limit.rows";
            case CELL_TOO_LONG -> "import.limit.cellLength";
            case CONTROL_CHARACTER -> "import.refused.controlCharacter";
            case NOT_UTF8, MALFORMED_CSV, NOT_XLSX -> throw new IllegalStateException("Worded by each import: " + reason);
        };
    }

    public List<Object> arguments() {
        return arguments;
    }

    public boolean isLimit() {
        return reason == Reason.FILE_TOO_LARGE || reason == Reason.TOO_MANY_ROWS || reason == Reason.CELL_TOO_LONG;
    }

    public enum Reason {
        FILE_TOO_LARGE, TOO_MANY_ROWS, CELL_TOO_LONG, NOT_UTF8, MALFORMED_CSV,
        /** A {@link org.communedx.model.ControlCharacters control character}, which no import may store. */
        CONTROL_CHARACTER,
        /** A ZIP file that POI cannot read as a workbook. */
        NOT_XLSX
    }
}
