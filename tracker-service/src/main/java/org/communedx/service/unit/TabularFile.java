package org.communedx.service.unit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.communedx.service.UploadedText;

/**
 * The rows of an uploaded CSV (UTF-8) or XLSX file, told apart by their content, never by the file name:
 * spreadsheets exported from office software are often renamed, and a name proves nothing.
 */
final class TabularFile {

    private static final Tika TIKA = new Tika();

    private TabularFile() {
    }

    /** A row with its line number in the file (the header is line 1). */
    record TabularRow(int line, List<String> cells, boolean fromSpreadsheet) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /**
         * A code as the file means it: spreadsheets store "04789" typed as a number as 4789, so a number
         * cell gets its leading zeros back.
         */
        String code(int index, int length) {
            String value = cell(index);
            if (fromSpreadsheet && value.matches("[0-9]{1," + (length - 1) + "}")) {
                return "0".repeat(length - value.length()) + value;
            }
            return value;
        }
    }

    /** The non-blank rows, header first; refuses files that are empty, not UTF-8, or neither CSV nor XLSX. */
    static List<TabularRow> read(byte[] content) {
        if (content.length == 0) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
        }
        String mediaType = TIKA.detect(content);
        List<TabularRow> rows;
        if (mediaType.equals("application/zip") || mediaType.startsWith("application/x-tika-ooxml")
                || mediaType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")) {
            rows = readSpreadsheet(content);
        }
        else if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
            rows = readCsv(content);
        }
        else {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.notCsvOrXlsx", mediaType));
        }
        List<TabularRow> nonBlank = rows.stream().filter(row -> !row.isBlank()).toList();
        if (nonBlank.isEmpty()) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
        }
        return nonBlank;
    }

    private static List<TabularRow> readCsv(byte[] content) {
        // Strict UTF-8, and the problem names the first line that is not.
        String text = UploadedText.utf8(content).orElseThrow(() -> new UnitImportRejected(
                new ImportProblem(firstLineNotUtf8(content), null, "unit.import.problem.notUtf8")));
        List<TabularRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(new TabularRow((int) record.getRecordNumber(), record.toList(), false));
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException ex) {
            throw new UnitImportRejected(new ImportProblem(rows.size() + 1, null, "unit.import.problem.malformedCsv"));
        }
        return rows;
    }

    private static int firstLineNotUtf8(byte[] content) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(content, start, i - start));
                }
                catch (CharacterCodingException ex) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static List<TabularRow> readSpreadsheet(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<TabularRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                    Cell cell = row.getCell(column);
                    cells.add(cell == null || cell.getCellType() == CellType.BLANK ? "" : formatter.formatCellValue(cell));
                }
                rows.add(new TabularRow(row.getRowNum() + 1, cells, true));
            }
            return rows;
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof UnitImportRejected rejected) {
                throw rejected;
            }
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.unreadableXlsx"));
        }
    }
}
