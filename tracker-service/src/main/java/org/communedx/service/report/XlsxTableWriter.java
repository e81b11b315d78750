package org.communedx.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: at most {@link #WINDOW} rows are in memory, the rest already in a
 * compressed temporary file, which {@link #close()} deletes. Text cells are plain strings, never formulas; one that a
 * spreadsheet would take for a formula once edited ({@link Cells#formulaLike}) is marked as text by its style (Excel's
 * quote prefix), which shows it as typed, where a CSV needs the quote itself in the cell.
 */
final class XlsxTableWriter implements TableWriter {

    static final int WINDOW = 100;

    private final OutputStream out;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

    private final CellStyle headerStyle;

    private final CellStyle timeStyle;

    private SXSSFSheet sheet;

    private int nextRow;

    XlsxTableWriter(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        timeStyle = workbook.createCellStyle();
        timeStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    }

    @Override
    public void table(String name, List<String> headers) {
        sheet = workbook.createSheet(sheetName(name));
        SXSSFRow row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            SXSSFCell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.createFreezePane(0, 1);
        nextRow = 1;
    }

    @Override
    public void row(List<?> cells) {
        SXSSFRow row = sheet.createRow(nextRow++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            SXSSFCell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(timeStyle);
            }
            else {
                Cells.setText(cell, value.toString());
            }
        }
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    /** Excel's rules: at most 31 characters, none of {@code \ / ? * [ ] :}. */
    private static String sheetName(String name) {
        String safe = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return safe.length() > 31 ? safe.substring(0, 31) : safe;
    }
}
