package org.communedx.service.suggestion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.communedx.model.Days;
import org.communedx.model.assessment.SuggestedValue;
import org.communedx.model.framework.Criterion;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.TableRows;
import org.communedx.service.report.Cells;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;
import org.communedx.service.suggestion.SuggestedValues.Problem;
import org.communedx.service.suggestion.SuggestedValues.Suggestion;
import org.communedx.service.suggestion.SuggestedValues.SuggestionsRefused;
import org.communedx.service.suggestion.ValueFile.SheetRow;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A province's values from a spreadsheet, as suggested values: the template of a period and scope to fill in, and the
 * filled file read back. Two layouts, told apart by the header: <em>long</em>, a row per commune and criterion
 * ({@link #LONG_COLUMNS}), and <em>wide</em>, a row per commune with a column per criterion code. A row whose first
 * cell starts with {@code #} is a note (the template's second row names the columns and hints each value's shape),
 * and an empty value cell is no value.
 * <p>
 * The file only translates: every value check (commune in scope and held in the period, criterion of the framework,
 * value by {@link org.communedx.model.assessment.EntryValue}'s rule, duplicates) is {@link SuggestedValues#put}'s,
 * all or nothing, and each problem it lists by index and field is turned back into the file's row and column. What is
 * imported is suggested, never entered: a commune takes it into its own entry, or an automatic criterion's reviewer
 * decides; nothing from a file is approved without a person.
 */
@Service
public class ValueImport {

    public enum Layout { LONG, WIDE }

    public static final String COMMUNE_CODE = "commune_code";

    public static final String COMMUNE_NAME = "commune_name";

    public static final String CRITERION_CODE = "criterion_code";

    public static final String CRITERION_NAME = "criterion_name";

    public static final String VALUE = "value";

    public static final String REFERENCE = "reference";

    public static final String MEASURED_AT = "measured_at";

    /** The long layout's header, in the template's order; the code columns and the value are required. */
    public static final List<String> LONG_COLUMNS = List.of(COMMUNE_CODE, COMMUNE_NAME, CRITERION_CODE,
            CRITERION_NAME, VALUE, REFERENCE, MEASURED_AT);

    /** Where a day without a time is taken to start. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time of day as Excel writes one in a CSV, the hour without its zero: "8:30", "08:30", "8:30:15". */
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm[:ss]");


    private final PeriodRepository periods;

    private final Scopes scopes;

    private final JdbcClient jdbc;

    private final SuggestedValues suggestions;

    private final MessageSource messages;

    private final ImportLimits limits;

    ValueImport(PeriodRepository periods, Scopes scopes, JdbcClient jdbc, SuggestedValues suggestions,
            MessageSource messages, CommuneDxProperties properties) {
        this.periods = periods;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.suggestions = suggestions;
        this.messages = messages;
        CommuneDxProperties.Imports imports = properties.imports();
        this.limits = ImportLimits.of(imports.values().maxFileSize(), imports.values().maxRows(),
                imports.maxCellLength());
    }

    public ImportLimits limits() {
        return limits;
    }

    /** A commune of a template. */
    public record Commune(String code, String name) {
    }

    /**
     * The period, for the import page.
     * @throws AccessDeniedException unless the caller is a provincial manager or an administrator
     */
    public Period period(long periodId) {
        Actors.requireAnyRole("Only provincial managers and administrators import values", "ADMIN",
                "PROVINCE_MANAGER");
        return periods.findWithFramework(periodId).orElseThrow(() -> new PeriodNotFoundException(periodId));
    }

    /**
     * Why the period takes no values, or null when it takes them: {@link SuggestedValues#closed}, the rule the
     * import's values meet again when they are written.
     */
    public ValueImportProblem closed(Period period) {
        SuggestedValues.Problem closed = suggestions.closed(period);
        return closed == null ? null : new ValueImportProblem(0, null, closed.messageKey(), closed.arguments());
    }

    /**
     * The communes a template lists: those that held their code during the period under {@code unitCode} (the
     * caller's own unit when null; the whole country for an administrator without one), within the caller's scope.
     * @throws org.communedx.service.scope.OutOfScopeException (a 404) for a unit the caller does not reach
     */
    public List<Commune> communes(Period period, String unitCode) {
        UnitScope scope = scopes.current();
        String root = unitCode == null || unitCode.isBlank() ? scope.rootCode() : unitCode.strip();
        if (root != null) {
            scope.require(root);
        }
        String held = "(u.valid_from is null or u.valid_from <= :day) and (u.valid_to is null or u.valid_to >= :day)";
        String sql = root == null ? """
                select distinct on (u.code) u.id, u.code, u.name from administrative_unit u
                where u.level = 'COMMUNE' and ((%s) or (%s))
                order by u.code, u.valid_from desc nulls last""".formatted(held, held.replace(":day", ":last"))
                : """
                with recursive subtree(id) as (
                    select id from administrative_unit where code = :root
                    union
                    select child.id from administrative_unit child join subtree on child.parent_id = subtree.id)
                select distinct on (u.code) u.id, u.code, u.name from administrative_unit u
                where u.level = 'COMMUNE' and u.id in (select id from subtree) and ((%s) or (%s))
                order by u.code, u.valid_from desc nulls last""".formatted(held, held.replace(":day", ":last"));
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("day", period.getStartDate())
                .param("last", period.getEndDate());
        if (root != null) {
            statement = statement.param("root", root);
        }
        return statement.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("code"), rs.getString("name") })
                .list().stream().filter(row -> scope.includesUnit((Long) row[0]))
                .map(row -> new Commune((String) row[1], (String) row[2])).toList();
    }

    /** The period framework's criteria, in the framework's order. */
    public static List<Criterion> criteria(Period period) {
        List<Criterion> criteria = new ArrayList<>();
        period.getFramework().getGroups().forEach(group -> criteria.addAll(group.getCriteria()));
        return criteria;
    }

    /**
     * Writes the template of a period for the communes, streamed (SXSSF keeps a hundred rows in memory, so the
     * national long layout's 89,667 rows cost no more than a province's): a header of codes, a note row of names
     * and value shapes, then a row per commune (wide) or per commune and criterion (long), values empty. Value cells
     * are text, so that "18/20" stays a fraction and is not turned into a date.
     * @throws ValueImportRefused when no commune of the unit held its code during the period: an empty template
     *     would only be filled in vain
     */
    @Transactional(readOnly = true)
    public void template(long periodId, String unitCode, Layout layout, Locale locale, OutputStream out) {
        Period period = period(periodId);
        List<Commune> communes = communes(period, unitCode);
        if (communes.isEmpty()) {
            throw new ValueImportRefused(unitCode == null || unitCode.isBlank()
                    ? new ValueImportProblem(0, null, "value.template.noCommunes", List.of(period.getName()))
                    : new ValueImportProblem(0, null, "value.template.noCommunesOfUnit",
                            List.of(unitCode.strip(), period.getName())));
        }
        List<Criterion> criteria = criteria(period);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle note = workbook.createCellStyle();
            note.setWrapText(true);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Sheet sheet = workbook.createSheet(message("value.template.sheet", locale));
            List<String> header = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            if (layout == Layout.LONG) {
                header.addAll(LONG_COLUMNS);
                for (String column : LONG_COLUMNS) {
                    notes.add(message("value.template.column." + column, locale));
                }
            }
            else {
                header.add(COMMUNE_CODE);
                header.add(COMMUNE_NAME);
                notes.add(message("value.template.column." + COMMUNE_CODE, locale));
                notes.add(message("value.template.column." + COMMUNE_NAME, locale));
                for (Criterion criterion : criteria) {
                    header.add(criterion.getCode());
                    notes.add(criterion.name().in(locale) + (criterion.getUnit() == null ? "" : " (" + criterion.getUnit()
                            + ")") + " — " + message("value.template.hint." + criterion.getType().name(), locale));
                }
            }
            notes.set(0, "# " + notes.get(0));
            writeRow(sheet, 0, header, bold);
            writeRow(sheet, 1, notes, note);
            for (int column = 0; column < header.size(); column++) {
                sheet.setColumnWidth(column, 256 * (column == 1 || (layout == Layout.LONG && column == 3) ? 36 : 16));
                sheet.setDefaultColumnStyle(column, text);
            }
            sheet.createFreezePane(layout == Layout.WIDE ? 2 : 0, 2);
            int index = 2;
            for (Commune commune : communes) {
                if (layout == Layout.WIDE) {
                    Row row = sheet.createRow(index++);
                    row.createCell(0).setCellValue(commune.code());
                    Cells.setText(row.createCell(1), commune.name());
                    for (int column = 0; column < criteria.size(); column++) {
                        row.createCell(column + 2).setCellStyle(text);
                    }
                }
                else {
                    for (Criterion criterion : criteria) {
                        Row row = sheet.createRow(index++);
                        row.createCell(0).setCellValue(commune.code());
                        Cells.setText(row.createCell(1), commune.name());
                        row.createCell(2).setCellValue(criterion.getCode());
                        Cells.setText(row.createCell(3), criterion.name().in(locale));
                        row.createCell(4).setCellStyle(text);
                        row.createCell(5).setCellStyle(text);
                        row.createCell(6).setCellStyle(text);
                    }
                }
            }
            workbook.write(out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            workbook.dispose();
        }
    }

    private static void writeRow(Sheet sheet, int index, List<String> values, CellStyle style) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellStyle(style);
            // A criterion's name begins a note: one written like a formula loses the note's style for the mark.
            Cells.setText(row.getCell(i), values.get(i));
        }
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Where a suggestion came from in the file: its row and the columns of its fields. */
    private record Origin(int line, int communeColumn, int criterionColumn, int criterionLine, int valueColumn,
            int referenceColumn, int measuredColumn) {
    }

    /**
     * Reads the file, checks it, and stores its values as suggestions, all or nothing.
     * @param source the source the values are suggested from, e.g. "chitieu-2026.xlsx (tinh.phutho)"
     * @return what was imported, or every problem with nothing written
     */
    ValueImportResult run(long periodId, Path file, String fileName, String source, ValueImportProgress progress) {
        long started = System.nanoTime();
        progress.reading(ValueFile.size(file));
        List<SheetRow> rows = new ArrayList<>();
        boolean spreadsheet;
        try {
            spreadsheet = ValueFile.read(file, limits, rows::add, progress::read);
        }
        catch (ValueFile.Unreadable unreadable) {
            return ValueImportResult.refused(fileName, null, rows.size(), unreadable.problems(), started);
        }
        List<ValueImportProblem> problems = new ArrayList<>();
        SheetRow headerRow = rows.get(0);
        List<String> header = headerRow.cells().stream().map(cell -> cell == null ? "" : cell.strip()).toList();
        Layout layout = layoutOf(header);
        if (layout == null) {
            boolean semicolons = !spreadsheet && TableRows.semicolonSeparated(header);
            problems.add(semicolons ? new ValueImportProblem(headerRow.line(), null, "import.problem.semicolons",
                    List.of()) : new ValueImportProblem(headerRow.line(), null, "value.import.problem.header",
                    List.of(String.join(", ", LONG_COLUMNS), COMMUNE_CODE + ", " + COMMUNE_NAME)));
            return ValueImportResult.refused(fileName, null, rows.size() - 1, problems, started);
        }
        List<Suggestion> list = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        int dataRows = 0;
        if (layout == Layout.LONG) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!LONG_COLUMNS.contains(name)) {
                    problems.add(new ValueImportProblem(headerRow.line(), column(i, header),
                            "value.import.problem.unknownColumn", List.of(header.get(i))));
                }
                else if (columns.putIfAbsent(name, i) != null) {
                    problems.add(new ValueImportProblem(headerRow.line(), column(i, header),
                            "value.import.problem.repeatedColumn", List.of(header.get(i))));
                }
            }
            int commune = columns.get(COMMUNE_CODE);
            int criterion = columns.get(CRITERION_CODE);
            int value = columns.get(VALUE);
            int reference = columns.getOrDefault(REFERENCE, -1);
            int measured = columns.getOrDefault(MEASURED_AT, -1);
            for (SheetRow row : rows.subList(1, rows.size())) {
                if (row.cell(0).startsWith("#")) {
                    continue;
                }
                dataRows++;
                if (row.cell(value).isEmpty()) {
                    continue;
                }
                if (row.hides(value)) {
                    problems.add(hidden(row, value, header));
                    continue;
                }
                Instant measuredAt = null;
                if (measured >= 0 && !row.cell(measured).isEmpty()) {
                    measuredAt = instant(row.cell(measured));
                    if (measuredAt == null) {
                        problems.add(new ValueImportProblem(row.line(), column(measured, header),
                                "value.import.problem.measuredAt", List.of(row.cell(measured))));
                    }
                }
                list.add(new Suggestion(code(row.cell(commune)), row.cell(criterion), row.cell(value),
                        reference < 0 ? null : row.cell(reference), measuredAt));
                origins.add(new Origin(row.line(), commune, criterion, row.line(), value, reference, measured));
            }
        }
        else {
            int commune = 0;
            Set<Integer> criterionColumns = new LinkedHashSet<>();
            for (int i = 1; i < header.size(); i++) {
                if (i == 1 && header.get(i).equalsIgnoreCase(COMMUNE_NAME) || header.get(i).isEmpty()) {
                    continue;
                }
                criterionColumns.add(i);
            }
            for (SheetRow row : rows.subList(1, rows.size())) {
                if (row.cell(0).startsWith("#")) {
                    continue;
                }
                dataRows++;
                for (int i = 1; i < row.cells().size(); i++) {
                    if (!row.cell(i).isEmpty() && !criterionColumns.contains(i) && !(i == 1
                            && header.get(1).equalsIgnoreCase(COMMUNE_NAME))) {
                        problems.add(new ValueImportProblem(row.line(), column(i, header),
                                "value.import.problem.noHeader", List.of()));
                    }
                }
                for (int i : criterionColumns) {
                    if (row.cell(i).isEmpty()) {
                        continue;
                    }
                    if (row.hides(i)) {
                        problems.add(hidden(row, i, header));
                        continue;
                    }
                    list.add(new Suggestion(code(row.cell(commune)), header.get(i), row.cell(i), null,
                            null));
                    origins.add(new Origin(row.line(), commune, i, headerRow.line(), i, -1, -1));
                }
            }
        }
        if (list.isEmpty() && problems.isEmpty()) {
            problems.add(ValueImportProblem.ofFile("value.import.problem.noValues"));
        }
        if (!problems.isEmpty()) {
            // The values are checked all the same, so that the file's every problem is listed at once.
            if (!list.isEmpty()) {
                for (Problem problem : suggestions.problems(periodId, list, source)) {
                    problems.add(translate(problem, origins, header));
                }
            }
            return ValueImportResult.refused(fileName, layout, dataRows,
                    sorted(new ArrayList<>(new LinkedHashSet<>(problems))), started);
        }
        progress.checking(list.size());
        try {
            SuggestedValues.Outcome outcome = suggestions.put(periodId, list, source);
            return ValueImportResult.imported(fileName, layout, dataRows, outcome, list, started);
        }
        catch (SuggestionsRefused refused) {
            for (Problem problem : refused.problems()) {
                problems.add(translate(problem, origins, header));
            }
            return ValueImportResult.refused(fileName, layout, dataRows,
                    sorted(new ArrayList<>(new LinkedHashSet<>(problems))), started);
        }
    }

    /** The layout the header names, or null when it names neither. */
    static Layout layoutOf(List<String> header) {
        List<String> names = header.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (names.contains(COMMUNE_CODE) && names.contains(CRITERION_CODE) && names.contains(VALUE)) {
            return Layout.LONG;
        }
        boolean criteria = names.stream().skip(1).anyMatch(name -> !name.isEmpty() && !name.equals(COMMUNE_NAME));
        if (!names.isEmpty() && names.get(0).equals(COMMUNE_CODE) && criteria && !names.contains(CRITERION_CODE)
                && !names.contains(VALUE)) {
            return Layout.WIDE;
        }
        return null;
    }

    /**
     * A problem of {@link SuggestedValues} at the row and column it came from. In the wide layout an unknown
     * criterion is its column's header, listed once; a problem of the whole call (too many values) is the file's.
     */
    private static ValueImportProblem translate(Problem problem, List<Origin> origins, List<String> header) {
        if (problem.index() == null || problem.index() < 0 || problem.index() >= origins.size()) {
            return new ValueImportProblem(0, null, problem.messageKey(), problem.arguments());
        }
        Origin origin = origins.get(problem.index());
        return switch (problem.field()) {
            case "communeCode" -> new ValueImportProblem(origin.line(), column(origin.communeColumn(), header),
                    problem.messageKey(), problem.arguments());
            case "criterionCode" -> switch (problem.messageKey()) {
                case "suggestion.criterionUnknown" -> new ValueImportProblem(origin.criterionLine(),
                        column(origin.criterionColumn(), header), problem.messageKey(), problem.arguments());
                // The earlier one by its line, as the file's reader finds it, not by its place in the list.
                case "suggestion.duplicate" -> new ValueImportProblem(origin.line(),
                        column(origin.criterionColumn(), header), "value.import.problem.duplicate",
                        List.of(problem.arguments().get(0), problem.arguments().get(1),
                                origins.get((Integer) problem.arguments().get(2)).line()));
                default -> new ValueImportProblem(origin.line(), column(origin.criterionColumn(), header),
                        problem.messageKey(), problem.arguments());
            };
            case "value" -> new ValueImportProblem(origin.line(), column(origin.valueColumn(), header),
                    problem.messageKey(), problem.arguments());
            case "reference" -> new ValueImportProblem(origin.line(), column(origin.referenceColumn(), header),
                    problem.messageKey(), problem.arguments());
            case "measuredAt" -> new ValueImportProblem(origin.line(), column(origin.measuredColumn(), header),
                    problem.messageKey(), problem.arguments());
            default -> new ValueImportProblem(origin.line(), null, problem.messageKey(), problem.arguments());
        };
    }

    private static List<ValueImportProblem> sorted(List<ValueImportProblem> problems) {
        problems.sort(Comparator.comparingInt(ValueImportProblem::line).thenComparing(
                problem -> problem.column() == null ? "" : problem.column(),
                Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
        return problems;
    }

    /** A column as a person finds it: its letter, and its header when it has one, e.g. "E (value)". */
    static String column(int index, List<String> header) {
        if (index < 0) {
            return null;
        }
        String letter = CellReference.convertNumToColString(index);
        String name = index < header.size() ? header.get(index) : "";
        return name.isEmpty() ? letter : letter + " (" + name + ")";
    }

    /** A value the person checking the workbook would not see: in a hidden row (a filter's too) or column. */
    private static ValueImportProblem hidden(SheetRow row, int column, List<String> header) {
        return new ValueImportProblem(row.line(), column(column, header), "value.import.problem.hiddenValue",
                List.of());
    }

    /**
     * A commune code as the file means it: a spreadsheet's number 4789 is the code 04789, and so is the 4789 of a CSV
     * that Excel saved from such a sheet. No code has fewer digits, so nothing else is read so.
     */
    private static String code(String value) {
        return UnitLevel.COMMUNE.withLeadingZeros(value);
    }

    /**
     * A time as the import's report writes it back: on Vietnam's clock, as the file gave it (31/03/2026 was the start
     * of that day there, not 2026-03-30T17:00:00Z), in a shape {@link #instant} reads again.
     */
    public static String text(Instant time) {
        return LOCAL_TIME.format(time.atZone(VIETNAM));
    }

    /** When a value was measured: an instant, a date and time, or a day (its start in Vietnam); null if unreadable. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException notAnInstant) {
            // A local date and time, or a day, below.
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(VIETNAM).toInstant();
        }
        catch (DateTimeParseException notADateTime) {
            // A day, below.
        }
        // A day as the pages read one (Days): a workbook's date cell reads as ISO (TableRows), never month first;
        // with a time after it ("31/03/2026 08:30"), that time of the day.
        int space = text.indexOf(' ');
        if (space > 0) {
            try {
                LocalTime time = LocalTime.parse(text.substring(space + 1).strip(), TIME_OF_DAY);
                return Days.parse(text.substring(0, space)).map(day -> day.atTime(time).atZone(VIETNAM).toInstant())
                        .orElse(null);
            }
            catch (DateTimeParseException notATime) {
                return null;
            }
        }
        return Days.parse(text).map(day -> day.atStartOfDay(VIETNAM).toInstant()).orElse(null);
    }

    /**
     * The source a file's values are suggested from: its name and who sent it, shortened to what a suggestion
     * keeps. Names only, no words: it is stored, and pages in either language show it as it is.
     */
    static String source(String fileName, String username) {
        String name = fileName == null || fileName.isBlank() ? "?"
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String tail = " (" + username + ")";
        int room = SuggestedValue.SOURCE_MAX - tail.length();
        if (name.length() > room) {
            name = name.substring(0, Math.max(1, room - 1)) + "…";
        }
        return name + tail;
    }
}
