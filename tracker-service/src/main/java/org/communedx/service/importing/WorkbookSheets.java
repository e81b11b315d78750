package org.communedx.service.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.communedx.service.report.Cells;

/**
 * The sheets of the workbooks the tracker writes and reads back (frameworks, mappings): a bold header row in
 * Vietnamese, one column per field, and cells read as the text a person typed: a workbook that hides what it holds
 * from that person is refused ({@link #unsafe}).
 */
public final class WorkbookSheets {

    /** Formula cells named at most per sheet, so that a sheet of formulas does not make a list as long as itself. */
    public static final int FORMULAS_NAMED = 10;

    private WorkbookSheets() {
    }

    /** Why a workbook cannot be read as typed, with the message's arguments. */
    public record Unsafe(String messageKey, List<Object> arguments) {
    }

    /**
     * What makes the named sheets unsafe to read as a person sees them, as the value import refuses it too: a hidden
     * sheet (its rows would be imported unseen) and a formula (its cached result may be anything, and formulas are not
     * evaluated). Sheets the workbook lacks are the reader's to report.
     */
    public static List<Unsafe> unsafe(Workbook workbook, List<String> sheetNames) {
        List<Unsafe> found = new ArrayList<>();
        for (String name : sheetNames) {
            int index = workbook.getSheetIndex(name);
            if (index < 0) {
                continue;
            }
            if (workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index)) {
                found.add(hidden(name));
            }
            List<String> formulas = new ArrayList<>();
            int count = 0;
            for (Row row : workbook.getSheetAt(index)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && count++ < FORMULAS_NAMED) {
                        formulas.add(cell.getAddress().formatAsString());
                    }
                }
            }
            if (count > 0) {
                found.add(formulas(name, formulas, count));
            }
        }
        return found;
    }

    /** A hidden sheet, which the import would read unseen. */
    public static Unsafe hidden(String sheet) {
        return new Unsafe("import.problem.hiddenSheet", List.of(sheet));
    }

    /**
     * The formulas of a sheet, by the first {@link #FORMULAS_NAMED} cells' addresses, of {@code count} in all: a
     * reader that streams the sheet names them alike.
     */
    public static Unsafe formulas(String sheet, List<String> cells, int count) {
        return new Unsafe("import.problem.formulas", List.of(sheet, String.join(", ", cells)
                + (count > FORMULAS_NAMED ? ", …" : "")));
    }

    /** Field to header title, in column order, from pairs of field and title. */
    public static Map<String, String> columns(String... fieldsAndTitles) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTitles.length; i += 2) {
            columns.put(fieldsAndTitles[i], fieldsAndTitles[i + 1]);
        }
        return columns;
    }

    /** A new sheet with the columns' titles as its frozen header row, each column as wide as its title wants. */
    public static Sheet withHeader(Workbook workbook, String name, Map<String, String> columns, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        int column = 0;
        for (String title : columns.values()) {
            Cell cell = header.createCell(column);
            cell.setCellValue(title);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(column, 256 * Math.max(12, Math.min(40, title.length() + 4)));
            column++;
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /**
     * A row of values: numbers and booleans as such, anything else as its text ({@link Cells#setText}: formula-like
     * text marked as text), null as an empty cell.
     */
    public static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof BigDecimal number) {
                row.createCell(i).setCellValue(number.doubleValue());
            }
            else if (value instanceof Boolean flag) {
                row.createCell(i).setCellValue(flag);
            }
            else if (value != null) {
                Cells.setText(row.createCell(i), value.toString());
            }
        }
    }

    /**
     * A cell as text; numbers as plain decimals ("10", not "1E+1"), whatever their display format. A formula has no
     * text here: {@link #unsafe} refuses the workbook first.
     */
    public static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                yield (number.scale() < 0 ? number.setScale(0) : number).toPlainString();
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }
}
