package org.communedx.service.report;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text that a spreadsheet would take for a formula ({@code =HYPERLINK(...)}, {@code +1}, {@code -1}, {@code @SUM},
 * or a leading tab or carriage return) is prefixed with a single quote, so that opening an export never runs
 * anything a user typed into a value or an explanation (CSV injection). Numbers are written as numbers and are never
 * touched.
 */
public final class Cells {

    /**
     * A moment as every CSV writes it, in Vietnam's time: a spreadsheet reads 2026-12-08 09:39 as that moment in any
     * language, where 08/12/2026 is the 12th of August to an English one. The audit's CSV had written the latter, the
     * others the former.
     */
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Cells() {
    }

    public static String csvTime(LocalDateTime time) {
        return CSV_TIME.format(time);
    }

    public static String neutralise(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /**
     * Writes text into a workbook's cell. Formula-like text is marked as text with the quote prefix, Excel's own mark
     * and no character of the text, so that it reads back as written: a cell holds text, but editing it (F2, Enter)
     * would make a formula of it.
     */
    public static void setText(Cell cell, String text) {
        cell.setCellValue(text);
        if (formulaLike(text)) {
            cell.setCellStyle(quoted(cell.getSheet().getWorkbook()));
        }
    }

    /** The workbook's one plain style with the quote prefix, made the first time. */
    private static CellStyle quoted(Workbook workbook) {
        for (int i = 0; i < workbook.getNumCellStyles(); i++) {
            CellStyle style = workbook.getCellStyleAt(i);
            if (style.getQuotePrefixed() && style.getFontIndex() == 0 && style.getDataFormat() == 0) {
                return style;
            }
        }
        CellStyle style = workbook.createCellStyle();
        style.setQuotePrefixed(true);
        return style;
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
