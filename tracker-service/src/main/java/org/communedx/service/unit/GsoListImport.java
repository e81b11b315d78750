package org.communedx.service.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitNames;
import org.communedx.model.unit.UnitType;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.TableRows;
import org.communedx.service.job.JobProgress;
import org.communedx.service.unit.TabularFile.TabularRow;
import org.communedx.service.unit.UnitImportSummary.Outcome;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the General Statistics Office list of administrative units, as CSV (UTF-8) or XLSX, in its
 * three-level layout or the two-level layout of the 2025 structure. Matching is on codes, never names; the whole
 * file is checked before anything is written, so a refused file leaves the database as it was. The page checks the
 * file at once and leaves the write to a background job ({@link UnitImportJobs}).
 */
@Service
@Transactional(readOnly = true)
public class GsoListImport {

    static final List<String> THREE_LEVEL_HEADER = List.of("Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH",
            "Phường Xã", "Mã PX", "Cấp");

    static final List<String> TWO_LEVEL_HEADER = List.of("Tỉnh Thành Phố", "Mã TP", "Phường Xã", "Mã PX", "Cấp");

    /** Units created per flush: large enough to keep the inserts batched, small enough for the progress to move. */
    private static final int WRITE_SLICE = 1000;

    /** How many changed units an import's audit event names. */
    private static final int CHANGES_KEPT = 1000;

    private final AdministrativeUnitRepository units;

    private final ImportLimits limits;

    private final AuditLog audit;

    GsoListImport(AdministrativeUnitRepository units, CommuneDxProperties properties, AuditLog audit) {
        this.units = units;
        this.audit = audit;
        this.limits = TabularFile.limits(properties);
    }

    /** The bounds of one file, the same for the list and for the merge mapping. */
    public ImportLimits limits() {
        return limits;
    }

    /**
     * Reads and checks the list, then writes it: {@link #check} and {@link #write} in one transaction.
     * @param listDate the date the list describes; units are matched among those valid on it, so that an old
     * list never renames the units that replaced it
     * @throws UnitImportRejected with every problem of the file; nothing is saved
     */
    @Transactional
    public UnitImportSummary importList(InputStreamSource file, LocalDate listDate) {
        return write(check(file, listDate), new JobProgress());
    }

    /**
     * Reads the whole list, within the limits, and checks it against itself and the units valid on
     * {@code listDate}, writing nothing: what an administrator is told at once, before the write is left to run.
     * @param listDate the date the list describes; units are matched among those valid on it, so that an old
     * list never renames the units that replaced it
     * @throws UnitImportRejected with every problem of the file
     */
    public CheckedList check(InputStreamSource file, LocalDate listDate) {
        Listing listing = new Listing();
        TabularFile.read(file, limits, listing);
        List<ImportProblem> problems = listing.problems;
        List<ListedUnit> listed = listing.listed;
        if (listed.isEmpty() && problems.isEmpty()) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.noRows"));
        }
        Map<String, AdministrativeUnit> existing = existingOn(listDate);
        checkConsistency(listed, existing, problems);
        checkCodesHeldByLaterUnits(listed, existing, problems);
        if (!problems.isEmpty()) {
            throw new UnitImportRejected(problems);
        }
        return new CheckedList(List.copyOf(listed), listDate);
    }

    /**
     * Writes a checked list, checking it once more against the units as they are now: another import may have
     * moved a district since. All or nothing.
     * @param progress counts the list's rows as they are written
     * @throws UnitImportRejected with every problem found now; nothing is saved
     */
    @Transactional
    public UnitImportSummary write(CheckedList list, JobProgress progress) {
        Map<String, AdministrativeUnit> existing = existingOn(list.listDate);
        List<ImportProblem> problems = new ArrayList<>();
        checkConsistency(list.listed, existing, problems);
        checkCodesHeldByLaterUnits(list.listed, existing, problems);
        if (!problems.isEmpty()) {
            throw new UnitImportRejected(problems);
        }
        List<String> changed = new ArrayList<>();
        List<String> createdUnits = new ArrayList<>();
        UnitImportSummary summary = apply(list.listed, existing, list.listDate, progress, changed, createdUnits);
        UnitImportSummary.Counts total = summary.total();
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("listDate", list.listDate.toString());
        imported.put("created", total.created());
        imported.put("updated", total.updated());
        imported.put("unchanged", total.unchanged());
        // Which units changed, and how: "97010 Xã Núi Đá (97) → Xã Núi Đá Mới (97)". The first thousand, which is
        // more than the trail shows of a field; a count alone said nothing of what a re-import renamed.
        imported.put("changedUnits", changed.subList(0, Math.min(changed.size(), CHANGES_KEPT)));
        // And which were created: a count alone did not say that a list had put a district under a new province.
        imported.put("createdUnits", createdUnits.subList(0, Math.min(createdUnits.size(), CHANGES_KEPT)));
        audit.record(UnitImportSummary.AUDIT_TYPE, list.listDate, "IMPORT_UNIT_LIST", null, imported);
        return summary;
    }

    /** A unit as the audit trail tells a change of it: its name, the code above it, and its last day if it ended. */
    private static String described(AdministrativeUnit unit) {
        return unit.getName() + (unit.getParent() == null ? "" : " (" + unit.getParent().getCode() + ")")
                + (unit.getValidTo() == null ? "" : " …" + unit.getValidTo());
    }

    private Map<String, AdministrativeUnit> existingOn(LocalDate date) {
        Map<String, AdministrativeUnit> existing = new HashMap<>();
        units.findAllValidOn(date).forEach(unit -> existing.put(unit.getCode(), unit));
        return existing;
    }

    /** A list that passed every check, as read, for {@link #write}. */
    public static final class CheckedList {

        private final List<ListedUnit> listed;

        private final LocalDate listDate;

        private CheckedList(List<ListedUnit> listed, LocalDate listDate) {
            this.listed = listed;
            this.listDate = listDate;
        }
    }

    /** Codes identify units, so one code must mean one thing throughout the file and agree with the database. */
    private static void checkConsistency(List<ListedUnit> listed, Map<String, AdministrativeUnit> existing,
            List<ImportProblem> problems) {
        Map<String, ListedUnit> provinceFirstSeen = new HashMap<>();
        Map<String, ListedUnit> districtFirstSeen = new HashMap<>();
        Map<String, ListedUnit> communeFirstSeen = new HashMap<>();
        for (ListedUnit unit : listed) {
            // The first row's name would have been taken and the other dropped without a word. Compared folded: the
            // GSO's own lists write a tone mark in either place ("Tỉnh Hoà Bình", "Tỉnh Hòa Bình") row by row.
            ListedUnit province = provinceFirstSeen.putIfAbsent(unit.provinceCode(), unit);
            if (province != null && !UnitNames.sameName(province.provinceName(), unit.provinceName())) {
                problems.add(new ImportProblem(unit.line(), "Tỉnh Thành Phố", "unit.import.problem.twoNames",
                        unit.provinceCode(), unit.provinceName(), province.provinceName(), province.line()));
            }
            if (unit.districtCode() != null) {
                ListedUnit first = districtFirstSeen.putIfAbsent(unit.districtCode(), unit);
                if (first != null && !UnitNames.sameName(first.districtName(), unit.districtName())) {
                    problems.add(new ImportProblem(unit.line(), "Quận Huyện", "unit.import.problem.twoNames",
                            unit.districtCode(), unit.districtName(), first.districtName(), first.line()));
                }
                if (first != null && !first.provinceCode().equals(unit.provinceCode())) {
                    problems.add(new ImportProblem(unit.line(), "Mã QH", "unit.import.problem.districtInTwoProvinces",
                            unit.districtCode(), unit.provinceCode(), first.provinceCode(), first.line()));
                }
                AdministrativeUnit known = existing.get(unit.districtCode());
                if (first == null && known != null && known.getLevel() == UnitLevel.DISTRICT
                        && !known.getParent().getCode().equals(unit.provinceCode())) {
                    problems.add(new ImportProblem(unit.line(), "Mã QH",
                            "unit.import.problem.districtInOtherProvince", unit.districtCode(),
                            unit.provinceCode(), known.getParent().getCode()));
                }
            }
            ListedUnit first = communeFirstSeen.putIfAbsent(unit.communeCode(), unit);
            if (first != null) {
                problems.add(new ImportProblem(unit.line(), "Mã PX", "unit.import.problem.duplicateCode",
                        unit.communeCode(), first.line()));
            }
            // A re-import updates names: a commune listed under another unit than its own had moved to another
            // province without a word, taking its data from that province's manager. A move is a reorganisation.
            AdministrativeUnit knownCommune = existing.get(unit.communeCode());
            String listedParent = unit.districtCode() != null ? unit.districtCode() : unit.provinceCode();
            if (first == null && knownCommune != null && knownCommune.getLevel() == UnitLevel.COMMUNE
                    && knownCommune.getParent() != null && !knownCommune.getParent().getCode().equals(listedParent)) {
                problems.add(new ImportProblem(unit.line(), unit.districtCode() != null ? "Mã QH" : "Mã TP",
                        "unit.import.problem.communeUnderOtherUnit", unit.communeCode(), listedParent,
                        knownCommune.getParent().getCode()));
            }
        }
    }

    /**
     * A unit the list creates holds its code from its parent's first day, or since ever under a province the list
     * creates too (see {@link #upsert}), with no end. No other unit may hold that code in that time, or the code would
     * name two units on a day: a scorecard, a dashboard and a user's scope that go by the code could not tell them
     * apart. So the list cannot create a code that a unit formed later holds today (a merger gave the code to the unit
     * it formed; the list is older than the merger imported before it, and imported first its unit would have been
     * the merger's predecessor), nor one that a unit which has ended held within that time (a district the reform
     * closed, listed again under another province).
     */
    private void checkCodesHeldByLaterUnits(List<ListedUnit> listed, Map<String, AdministrativeUnit> existing,
            List<ImportProblem> problems) {
        Map<String, ListedCode> toCreate = new LinkedHashMap<>();
        for (ListedUnit unit : listed) {
            AdministrativeUnit province = existing.get(unit.provinceCode());
            LocalDate underProvince = province == null ? null : province.getValidFrom();
            toCreate.putIfAbsent(unit.provinceCode(), new ListedCode(unit.line(), "Mã TP", null));
            LocalDate underParent = underProvince;
            if (unit.districtCode() != null) {
                toCreate.putIfAbsent(unit.districtCode(), new ListedCode(unit.line(), "Mã QH", underProvince));
                AdministrativeUnit district = existing.get(unit.districtCode());
                underParent = district == null ? underProvince : district.getValidFrom();
            }
            toCreate.putIfAbsent(unit.communeCode(), new ListedCode(unit.line(), "Mã PX", underParent));
        }
        toCreate.keySet().removeAll(existing.keySet());
        if (toCreate.isEmpty()) {
            return;
        }
        units.findAllByCodes(toCreate.keySet()).stream()
                .filter(unit -> toCreate.get(unit.getCode()).overlaps(unit))
                .sorted(Comparator.comparingInt((AdministrativeUnit unit) -> toCreate.get(unit.getCode()).line())
                        .thenComparing(AdministrativeUnit::getValidFrom,
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(unit -> {
                    ListedCode first = toCreate.get(unit.getCode());
                    problems.add(unit.getValidTo() == null
                            ? new ImportProblem(first.line(), first.column(), "unit.import.problem.codeHeldSince",
                                    unit.getCode(), unit.getName(), unit.getValidFrom())
                            : new ImportProblem(first.line(), first.column(), "unit.import.problem.codeHeldUntil",
                                    unit.getCode(), unit.getName(), unit.getValidTo()));
                });
    }

    /**
     * Where a code the list creates first appears, and the first day the unit created would hold it.
     * @param from null for since ever
     */
    private record ListedCode(int line, String column, LocalDate from) {

        /** Whether {@code other}, of the same code, holds it on a day the unit created would: it never ends. */
        boolean overlaps(AdministrativeUnit other) {
            return other.getValidTo() == null || from == null || !other.getValidTo().isBefore(from);
        }
    }

    private UnitImportSummary apply(List<ListedUnit> listed, Map<String, AdministrativeUnit> existing,
            LocalDate listDate, JobProgress progress, List<String> changed, List<String> createdUnits) {
        progress.total(listed.size());
        UnitImportSummary summary = UnitImportSummary.empty();
        List<AdministrativeUnit> created = new ArrayList<>();
        Map<String, AdministrativeUnit> provinces = new LinkedHashMap<>();
        Map<String, AdministrativeUnit> districts = new LinkedHashMap<>();
        for (ListedUnit unit : listed) {
            AdministrativeUnit province = provinces.computeIfAbsent(unit.provinceCode(),
                    code -> upsert(existing, created, createdUnits, summary, changed, null, UnitLevel.PROVINCE,
                            code, unit.provinceName(), unit.provinceType()));
            AdministrativeUnit parent = province;
            if (unit.districtCode() != null) {
                parent = districts.computeIfAbsent(unit.districtCode(),
                        code -> upsert(existing, created, createdUnits, summary, changed, province,
                                UnitLevel.DISTRICT, code, unit.districtName(), unit.districtType()));
            }
            upsert(existing, created, createdUnits, summary, changed, parent, UnitLevel.COMMUNE,
                    unit.communeCode(), unit.communeName(), unit.communeType());
            // Written a slice at a time, so that the progress shown is the rows written, not only those counted.
            if (created.size() >= WRITE_SLICE) {
                units.saveAll(created);
                units.flush();
                created.clear();
            }
            progress.advance();
        }
        units.saveAll(created);
        return summary;
    }

    /**
     * @param changed where a unit that changed is told, as it was and as it is
     * @param createdUnits where a unit created is told, as {@link #described}
     */
    private static AdministrativeUnit upsert(Map<String, AdministrativeUnit> existing,
            List<AdministrativeUnit> created, List<String> createdUnits, UnitImportSummary summary,
            List<String> changed,
            AdministrativeUnit parent, UnitLevel level, String code, String name, UnitType type) {
        AdministrativeUnit unit = existing.get(code);
        if (unit != null && unit.getLevel() == level) {
            String was = described(unit);
            boolean updated = unit.describe(name, type, parent);
            summary.count(level, updated ? Outcome.UPDATED : Outcome.UNCHANGED);
            if (updated) {
                changed.add(code + " " + was + " → " + described(unit));
            }
            return unit;
        }
        // The list says the unit exists, not since when: since its parent began, or since ever. A commune of a
        // province formed on 1 July 2025 had existed years before it, and a district so created overlapped the one
        // of its code that the reform closed.
        AdministrativeUnit fresh = parent == null ? AdministrativeUnit.province(code, name, type, null)
                : AdministrativeUnit.within(parent, level, code, name, type, parent.getValidFrom());
        created.add(fresh);
        createdUnits.add(code + " " + described(fresh));
        summary.count(level, Outcome.CREATED);
        return fresh;
    }

    /** The file's rows as they are read: the header chooses the layout, and each row after it becomes a unit. */
    private static final class Listing implements Consumer<TabularRow> {

        private final List<ImportProblem> problems = new ArrayList<>();

        private final List<ListedUnit> listed = new ArrayList<>();

        private Layout layout;

        @Override
        public void accept(TabularRow row) {
            if (layout == null) {
                layout = Layout.of(row);
            }
            else {
                layout.parse(row, problems).ifPresent(listed::add);
            }
        }
    }

    /** One row of the list: a commune with its province and, before 2025, its district. */
    private record ListedUnit(int line, String provinceCode, String provinceName, UnitType provinceType,
            String districtCode, String districtName, UnitType districtType, String communeCode, String communeName,
            UnitType communeType) {
    }

    private enum Layout {

        THREE_LEVEL(THREE_LEVEL_HEADER), TWO_LEVEL(TWO_LEVEL_HEADER);

        private final List<String> header;

        Layout(List<String> header) {
            this.header = header;
        }

        static Layout of(TabularRow headerRow) {
            List<String> found = headerRow.cells().stream().map(UnitNames::normalize).toList();
            for (Layout layout : values()) {
                if (found.equals(layout.header)) {
                    return layout;
                }
            }
            if (!headerRow.fromSpreadsheet() && TableRows.semicolonSeparated(headerRow.cells())) {
                throw new UnitImportRejected(new ImportProblem(headerRow.line(), null, "import.problem.semicolons"));
            }
            throw new UnitImportRejected(new ImportProblem(headerRow.line(), null, "unit.import.problem.header",
                    String.join(",", found), String.join(",", THREE_LEVEL_HEADER), String.join(",", TWO_LEVEL_HEADER)));
        }

        Optional<ListedUnit> parse(TabularRow row, List<ImportProblem> problems) {
            int before = problems.size();
            if (row.cells().size() > header.size()) {
                problems.add(new ImportProblem(row.line(), null, "unit.import.problem.columnCount",
                        row.cells().size(), header.size()));
                return Optional.empty();
            }
            int column = 0;
            String provinceName = name(row, column++, problems);
            String provinceCode = code(row, column++, UnitLevel.PROVINCE, problems);
            UnitType provinceType = typeOfName(row, 0, provinceName, UnitLevel.PROVINCE, problems);
            String districtName = null;
            String districtCode = null;
            UnitType districtType = null;
            if (this == THREE_LEVEL) {
                districtName = name(row, column++, problems);
                districtCode = code(row, column++, UnitLevel.DISTRICT, problems);
                districtType = typeOfName(row, 2, districtName, UnitLevel.DISTRICT, problems);
            }
            String communeName = name(row, column++, problems);
            String communeCode = code(row, column++, UnitLevel.COMMUNE, problems);
            String typeLabel = row.cell(column);
            Optional<UnitType> communeType = UnitType.ofLabel(typeLabel).filter(type -> type.fits(UnitLevel.COMMUNE));
            if (communeType.isEmpty()) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.unknownType",
                        typeLabel));
            }
            // A commune's name starts with its type, as a province's and a district's do ("Xã Yên Phú"): a name
            // that does not is a column slipped, or not a name at all (a formula).
            else if (!communeName.isEmpty() && !UnitType.ofName(communeName, UnitLevel.COMMUNE).equals(communeType)) {
                problems.add(new ImportProblem(row.line(), header.get(column - 2),
                        "unit.import.problem.communeTypeNotInName", communeName, communeType.get().label()));
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new ListedUnit(row.line(), provinceCode, provinceName, provinceType, districtCode,
                    districtName, districtType, communeCode, communeName, communeType.get()));
        }

        private String name(TabularRow row, int column, List<ImportProblem> problems) {
            String name = UnitNames.normalize(row.cell(column));
            if (name.isEmpty()) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.missingName"));
            }
            else if (name.length() > AdministrativeUnit.NAME_MAX) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.nameTooLong",
                        name.length(), AdministrativeUnit.NAME_MAX));
            }
            return name;
        }

        private String code(TabularRow row, int column, UnitLevel level, List<ImportProblem> problems) {
            String code = row.code(column, level);
            if (code.isEmpty()) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.missingCode"));
            }
            else if (!level.acceptsCode(code)) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.codeShape",
                        code, level.codeLength()));
            }
            return code;
        }

        private UnitType typeOfName(TabularRow row, int column, String name, UnitLevel level,
                List<ImportProblem> problems) {
            if (name.isEmpty()) {
                return null;
            }
            Optional<UnitType> type = UnitType.ofName(name, level);
            if (type.isEmpty()) {
                problems.add(new ImportProblem(row.line(), header.get(column), "unit.import.problem.typeNotInName",
                        name));
            }
            return type.orElse(null);
        }
    }
}
