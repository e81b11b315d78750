package org.communedx.service.framework;

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
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.service.framework.FrameworkDocument.GroupDocument;
import org.communedx.service.framework.ImportProblem.Place;
import org.communedx.service.framework.RawFramework.RawGroup;
import org.communedx.service.framework.RawFramework.RawRecord;
import org.communedx.service.framework.RawFramework.RawValue;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.WorkbookSheets;

import static org.communedx.service.importing.WorkbookSheets.columns;
import static org.communedx.service.importing.WorkbookSheets.row;
import static org.communedx.service.importing.WorkbookSheets.text;
import static org.communedx.service.importing.WorkbookSheets.withHeader;

/**
 * A framework version as an Excel workbook, for officials who edit in a spreadsheet: a sheet with the version's
 * code, version and title, a sheet of groups and a sheet of criteria, each with a header row in Vietnamese.
 * Criteria name their group by its code; rows keep the order of groups and criteria.
 */
final class FrameworkWorkbook {

    static final String FRAMEWORK_SHEET = "Bộ tiêu chí";

    static final String GROUPS_SHEET = "Nhóm tiêu chí";

    static final String CRITERIA_SHEET = "Tiêu chí";

    /** Field to header, in column order. */
    static final Map<String, String> FRAMEWORK_COLUMNS = columns("code", "Mã bộ tiêu chí", "version", "Phiên bản",
            "titleVi", "Tên (tiếng Việt)", "titleEn", "Tên (tiếng Anh)", "scoreDisplay", "Hiển thị điểm",
            "scoreDecimals", "Số chữ số thập phân", "declaredTotal", "Tổng điểm công bố");

    static final Map<String, String> GROUP_COLUMNS = columns("code", "Mã nhóm", "nameVi", "Tên nhóm (tiếng Việt)",
            "nameEn", "Tên nhóm (tiếng Anh)");

    static final Map<String, String> CRITERION_COLUMNS = columns("group", "Mã nhóm", "code", "Mã tiêu chí",
            "nameVi", "Tên tiêu chí (tiếng Việt)", "nameEn", "Tên tiêu chí (tiếng Anh)",
            "descriptionVi", "Mô tả (tiếng Việt)", "descriptionEn", "Mô tả (tiếng Anh)",
            "type", "Loại đo", "target", "Chỉ tiêu", "comparison", "So sánh", "unit", "Đơn vị",
            "weight", "Trọng số", "typicalEvidenceVi", "Minh chứng thường dùng (tiếng Việt)",
            "typicalEvidenceEn", "Minh chứng thường dùng (tiếng Anh)", "evidenceRequired", "Bắt buộc minh chứng",
            "scoring", "Cách tính điểm", "steps", "Bậc điểm", "automatic", "Tự động từ hệ thống");

    static final String CLASSES_SHEET = "Xếp loại";

    static final Map<String, String> CLASS_COLUMNS = columns("nameVi", "Tên hạng (tiếng Việt)", "nameEn",
            "Tên hạng (tiếng Anh)", "threshold", "Điểm tối thiểu");

    /**
     * The scoring columns came last and later: a workbook exported before them, which lacks them, still imports, its
     * version shown in percent and its criteria scored all or nothing.
     */
    static final Set<String> LATER_COLUMNS = Set.of("scoreDisplay", "scoreDecimals",
            "declaredTotal", "scoring", "steps", "automatic");

    private FrameworkWorkbook() {
    }

    static byte[] write(FrameworkDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet framework = withHeader(workbook, FRAMEWORK_SHEET, FRAMEWORK_COLUMNS, bold);
            row(framework, 1, document.code(), document.version(), document.title().vi(), document.title().en(),
                    document.scoreSettings().display().name(),
                    BigDecimal.valueOf(document.scoreSettings().decimals()), document.scoreSettings().declaredTotal());

            Sheet groups = withHeader(workbook, GROUPS_SHEET, GROUP_COLUMNS, bold);
            Sheet criteria = withHeader(workbook, CRITERIA_SHEET, CRITERION_COLUMNS, bold);
            int groupRow = 1;
            int criterionRow = 1;
            for (GroupDocument group : document.groups()) {
                row(groups, groupRow++, group.code(), group.name().vi(), group.name().en());
                for (CriterionDefinition c : group.criteria()) {
                    row(criteria, criterionRow++, group.code(), c.code(), c.name().vi(), c.name().en(),
                            c.description().vi(), c.description().en(), c.type().name(), c.target(),
                            c.comparison().name(), c.unit(), c.weight(), c.typicalEvidence().vi(),
                            c.typicalEvidence().en(), c.evidenceRequired(), c.scoring().method().name(),
                            c.scoring().text(), c.automatic());
                }
            }
            // Only a version with classes has the sheet: a workbook without it ranks into none, as older ones did.
            if (!document.scoreClasses().isEmpty()) {
                Sheet classes = withHeader(workbook, CLASSES_SHEET, CLASS_COLUMNS, bold);
                int classRow = 1;
                for (var scoreClass : document.scoreClasses().classes()) {
                    row(classes, classRow++, scoreClass.nameVi(), scoreClass.nameEn(), scoreClass.threshold());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The workbook's content, or {@code null} when {@code problems} received at least one problem. */
    static RawFramework read(InputStream content, List<ImportProblem> problems) {
        try (Workbook workbook = new XSSFWorkbook(content)) {
            int before = problems.size();
            for (WorkbookSheets.Unsafe unsafe : WorkbookSheets.unsafe(workbook,
                    List.of(FRAMEWORK_SHEET, GROUPS_SHEET, CRITERIA_SHEET, CLASSES_SHEET))) {
                problems.add(ImportProblem.ofFile(unsafe.messageKey(), unsafe.arguments().toArray()));
            }
            if (problems.size() > before) {
                return null;
            }
            List<RawRecord> headers = rows(workbook, FRAMEWORK_SHEET, FRAMEWORK_COLUMNS, Place.FRAMEWORK_SHEET_ROW,
                    problems);
            List<RawRecord> groupRows = rows(workbook, GROUPS_SHEET, GROUP_COLUMNS, Place.GROUPS_SHEET_ROW, problems);
            List<RawRecord> criterionRows = rows(workbook, CRITERIA_SHEET, CRITERION_COLUMNS,
                    Place.CRITERIA_SHEET_ROW, problems);
            List<RawRecord> classRows = workbook.getSheet(CLASSES_SHEET) == null ? List.of()
                    : rows(workbook, CLASSES_SHEET, CLASS_COLUMNS, Place.CLASSES_SHEET_ROW, problems);
            if (problems.size() > before) {
                return null;
            }
            RawRecord header = headers.isEmpty() ? new RawRecord(Place.FRAMEWORK_SHEET_ROW, 2) : headers.get(0);
            for (RawRecord extra : headers.subList(Math.min(1, headers.size()), headers.size())) {
                problems.add(new ImportProblem(extra.place(), extra.number(), null,
                        "framework.import.problem.extraFrameworkRow"));
            }
            Map<String, RawGroup> groups = new LinkedHashMap<>();
            List<RawGroup> ordered = new ArrayList<>();
            for (RawRecord group : groupRows) {
                RawGroup rawGroup = new RawGroup(group, new ArrayList<>());
                ordered.add(rawGroup);
                String code = group.value("code").text();
                if (code != null) {
                    groups.putIfAbsent(code, rawGroup);
                }
            }
            for (RawRecord criterion : criterionRows) {
                String groupCode = criterion.value("group").text();
                RawGroup group = groupCode == null ? null : groups.get(groupCode);
                if (groupCode == null) {
                    problems.add(criterion.problem("group", "framework.import.problem.required"));
                }
                else if (group == null) {
                    problems.add(criterion.problem("group", "framework.import.problem.unknownGroup", groupCode));
                }
                else {
                    group.criteria().add(criterion);
                }
            }
            return new RawFramework(header, ordered, classRows);
        }
        catch (ImportFileRefused beyondLimit) {
            throw beyondLimit;
        }
        catch (IOException | RuntimeException notAWorkbook) {
            problems.add(ImportProblem.ofFile("framework.import.problem.notXlsx"));
            return null;
        }
    }

    /** The non-blank rows under a header row that must read exactly as we write it. */
    private static List<RawRecord> rows(Workbook workbook, String sheetName, Map<String, String> columns,
            Place place, List<ImportProblem> problems) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            problems.add(ImportProblem.ofFile("framework.import.problem.missingSheet", sheetName));
            return List.of();
        }
        List<String> fields = List.copyOf(columns.keySet());
        List<String> titles = List.copyOf(columns.values());
        Row header = sheet.getRow(0);
        boolean headerOk = true;
        int width = titles.size();
        for (int i = 0; i < titles.size(); i++) {
            String found = header == null ? null : text(header.getCell(i));
            if (found == null && LATER_COLUMNS.contains(fields.get(i))
                    && fields.subList(i, fields.size()).stream().allMatch(LATER_COLUMNS::contains)) {
                width = i;
                break;
            }
            if (!titles.get(i).equalsIgnoreCase(Objects.requireNonNullElse(found, ""))) {
                problems.add(new ImportProblem(place, 1, fields.get(i), "framework.import.problem.wrongHeader",
                        columnName(i), titles.get(i), Objects.requireNonNullElse(found, "")));
                headerOk = false;
            }
        }
        if (!headerOk) {
            return List.of();
        }
        List<RawRecord> records = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            RawRecord record = new RawRecord(place, r + 1);
            for (int i = 0; i < width; i++) {
                record.values().put(fields.get(i), new RawValue(text(row.getCell(i)), r + 1));
            }
            if (record.values().values().stream().anyMatch(value -> value.text() != null)) {
                records.add(record);
            }
        }
        return records;
    }

    private static String columnName(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
