package org.communedx.service.report;

/**
 * Text that a spreadsheet would take for a formula ({@code =HYPERLINK(...)}, {@code +1}, {@code -1}, {@code @SUM},
 * or a leading tab or carriage return) is prefixed with a single quote, so that opening an export never runs
 * anything a user typed into a value or an explanation (CSV injection). Numbers are written as numbers and are never
 * touched.
 */
public final class Cells {

    private Cells() {
    }

    public static String neutralise(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet would take the text, typed into a cell, for a formula. */
    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
