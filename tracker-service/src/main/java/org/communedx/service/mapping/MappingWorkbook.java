package org.communedx.service.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.mapping.MappingDocument.Link;
import org.communedx.service.mapping.MappingFileProblem.Place;
import org.communedx.service.mapping.RawMapping.RawLink;

/**
 * A mapping as an Excel workbook, laid out as the framework workbook is: a sheet naming the two versions and a
 * sheet of links, each with a header row in Vietnamese. A link's criteria are their codes separated by commas.
 */
final class MappingWorkbook {

    static final String VERSIONS_SHEET = "Phiên bản";

    static final String LINKS_SHEET = "Liên kết";

    /** Field to header, in column order. */
    static final Map<String, String> VERSION_COLUMNS = columns("fromCode", "Mã bộ tiêu chí cũ", "fromVersion",
            "Phiên bản cũ", "toCode", "Mã bộ tiêu chí mới", "toVersion", "Phiên bản mới");

    static final Map<String, String> LINK_COLUMNS = columns("kind", "Loại liên kết", "from", "Tiêu chí cũ", "to",
            "Tiêu chí mới");

    private MappingWorkbook() {
    }

    static byte[] write(MappingDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet versions = sheet(workbook, VERSIONS_SHEET, VERSION_COLUMNS, bold);
            row(versions, 1, document.fromCode(), document.fromVersion(), document.toCode(), document.toVersion());
            Sheet links = sheet(workbook, LINKS_SHEET, LINK_COLUMNS, bold);
            int index = 1;
            for (Link link : document.links()) {
                row(links, index++, link.kind().name(), MappingDocument.joined(link.from()),
                        MappingDocument.joined(link.to()));
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Sheet sheet(Workbook workbook, String name, Map<String, String> columns, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        int column = 0;
        for (String title : columns.values()) {
            Cell cell = header.createCell(column);
            cell.setCellValue(title);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(column, 256 * 24);
            column++;
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** Every value as text, versions included, so that "1.0" stays "1.0" and not the number 1. */
    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    /** The workbook's content, or {@code null} when {@code problems} received at least one problem. */
    static RawMapping read(InputStream content, List<MappingFileProblem> problems) {
        try (Workbook workbook = new XSSFWorkbook(content)) {
            int before = problems.size();
            List<Map<String, String>> versionRows = new ArrayList<>();
            List<Integer> versionNumbers = new ArrayList<>();
            rows(workbook, VERSIONS_SHEET, VERSION_COLUMNS, Place.VERSIONS_SHEET_ROW, problems, versionRows,
                    versionNumbers);
            List<Map<String, String>> linkRows = new ArrayList<>();
            List<Integer> linkNumbers = new ArrayList<>();
            rows(workbook, LINKS_SHEET, LINK_COLUMNS, Place.LINKS_SHEET_ROW, problems, linkRows, linkNumbers);
            if (problems.size() > before) {
                return null;
            }
            for (int i = 1; i < versionRows.size(); i++) {
                problems.add(new MappingFileProblem(Place.VERSIONS_SHEET_ROW, versionNumbers.get(i), null,
                        "mapping.import.problem.extraVersionRow", List.of()));
            }
            List<RawLink> links = new ArrayList<>();
            for (int i = 0; i < linkRows.size(); i++) {
                Map<String, String> row = linkRows.get(i);
                links.add(new RawLink(Place.LINKS_SHEET_ROW, linkNumbers.get(i), row.get("kind"),
                        RawMapping.codes(row.get("from")), RawMapping.codes(row.get("to"))));
            }
            return problems.size() > before ? null : new RawMapping(Place.VERSIONS_SHEET_ROW, 2,
                    versionRows.isEmpty() ? Map.of() : versionRows.get(0), links);
        }
        catch (ImportFileRefused beyondLimit) {
            throw beyondLimit;
        }
        catch (IOException | RuntimeException notAWorkbook) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.notXlsx"));
            return null;
        }
    }

    /** The non-blank rows under a header row that must read exactly as we write it, with their row numbers. */
    private static void rows(Workbook workbook, String sheetName, Map<String, String> columns, Place place,
            List<MappingFileProblem> problems, List<Map<String, String>> records, List<Integer> numbers) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.missingSheet", sheetName));
            return;
        }
        List<String> fields = List.copyOf(columns.keySet());
        List<String> titles = List.copyOf(columns.values());
        Row header = sheet.getRow(0);
        boolean headerOk = true;
        for (int i = 0; i < titles.size(); i++) {
            String found = header == null ? null : text(header.getCell(i));
            if (!titles.get(i).equalsIgnoreCase(Objects.requireNonNullElse(found, ""))) {
                problems.add(new MappingFileProblem(place, 1, fields.get(i), "mapping.import.problem.wrongHeader",
                        List.of(String.valueOf((char) ('A' + i)), titles.get(i),
                                Objects.requireNonNullElse(found, ""))));
                headerOk = false;
            }
        }
        if (!headerOk) {
            return;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                String value = RawMapping.blankToNull(text(row.getCell(i)));
                if (value != null) {
                    record.put(fields.get(i), value);
                }
            }
            if (!record.isEmpty()) {
                records.add(record);
                numbers.add(r + 1);
            }
        }
    }

    /** A cell as text; numbers as plain decimals, whatever their display format. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> null;
        };
    }

    private static Map<String, String> columns(String... fieldsAndTitles) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTitles.length; i += 2) {
            columns.put(fieldsAndTitles[i], fieldsAndTitles[i + 1]);
        }
        return columns;
    }
}
