package org.communedx.service.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.WorkbookSheets;
import org.communedx.service.mapping.MappingDocument.Link;
import org.communedx.service.mapping.MappingFileProblem.Place;
import org.communedx.service.mapping.RawMapping.RawLink;

import static org.communedx.service.importing.WorkbookSheets.columns;
import static org.communedx.service.importing.WorkbookSheets.row;
import static org.communedx.service.importing.WorkbookSheets.text;
import static org.communedx.service.importing.WorkbookSheets.withHeader;

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
            Sheet versions = withHeader(workbook, VERSIONS_SHEET, VERSION_COLUMNS, bold);
            row(versions, 1, document.fromCode(), document.fromVersion(), document.toCode(), document.toVersion());
            Sheet links = withHeader(workbook, LINKS_SHEET, LINK_COLUMNS, bold);
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

    /** The workbook's content, or {@code null} when {@code problems} received at least one problem. */
    static RawMapping read(InputStream content, List<MappingFileProblem> problems) {
        try (Workbook workbook = new XSSFWorkbook(content)) {
            int before = problems.size();
            for (WorkbookSheets.Unsafe unsafe : WorkbookSheets.unsafe(workbook, List.of(VERSIONS_SHEET, LINKS_SHEET))) {
                problems.add(MappingFileProblem.ofFile(unsafe.messageKey(), unsafe.arguments().toArray()));
            }
            if (problems.size() > before) {
                return null;
            }
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
}
