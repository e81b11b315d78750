package org.communedx.service.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.SuccessionKind;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitNames;
import org.communedx.model.unit.UnitSuccession;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.model.unit.UnitType;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.TableRows;
import org.communedx.service.job.JobProgress;
import org.communedx.service.unit.TabularFile.TabularRow;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a reform's merge mapping (the layout of the 2025 mapping: one row per old unit and the new unit it went
 * into). Old units close the day before the reform, new units begin on it under their new province, and each
 * link is kept as a succession so that history can be combined. Running it again changes nothing. The page checks
 * the file at once and leaves the write to a background job ({@link UnitImportJobs}).
 */
@Service
@Transactional(readOnly = true)
public class MergeImport {

    static final List<String> HEADER = List.of("new_province_code", "new_province_name", "new_unit_code",
            "new_unit_name", "old_unit_code", "old_unit_name", "merge_type");

    private final AdministrativeUnitRepository units;

    private final UnitSuccessionRepository successions;

    private final ImportLimits limits;

    private final AuditLog audit;

    MergeImport(AdministrativeUnitRepository units, UnitSuccessionRepository successions,
            CommuneDxProperties properties, AuditLog audit) {
        this.audit = audit;
        this.units = units;
        this.successions = successions;
        this.limits = TabularFile.limits(properties);
    }

    /**
     * Reads and checks the mapping, then writes it: {@link #check} and {@link #write} in one transaction.
     * @param provinceCodes the new provinces to import; empty for the whole file
     * @throws UnitImportRejected with every problem of the file; nothing is saved
     */
    @Transactional
    public MergeImportSummary importMerges(InputStreamSource file, LocalDate effectiveDate, String legalBasis,
            Set<String> provinceCodes) {
        return write(check(file, effectiveDate, legalBasis, provinceCodes), new JobProgress());
    }

    /**
     * Reads the whole mapping, within the limits, and checks it, writing nothing: what an administrator is told at
     * once, before the write is left to run.
     * @param provinceCodes the new provinces to import; empty for the whole file
     * @throws UnitImportRejected with every problem of the file
     */
    public CheckedMerges check(InputStreamSource file, LocalDate effectiveDate, String legalBasis,
            Set<String> provinceCodes) {
        Mapping mapping = new Mapping();
        TabularFile.read(file, limits, mapping);
        List<ImportProblem> problems = mapping.problems;
        List<Merge> merges = mapping.merges;
        checkConsistency(merges, problems);
        for (String wanted : provinceCodes) {
            if (!mapping.provinceCodes.contains(wanted)) {
                problems.add(ImportProblem.ofFile("unit.merge.problem.provinceNotInFile", wanted));
            }
        }
        if (merges.isEmpty() && problems.isEmpty()) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.noRows"));
        }
        if (!problems.isEmpty()) {
            throw new UnitImportRejected(problems);
        }
        List<Merge> selected = merges.stream()
                .filter(merge -> provinceCodes.isEmpty() || provinceCodes.contains(merge.provinceCode())).toList();
        requireNoConflictWithRecordedUnits(selected, effectiveDate);
        return new CheckedMerges(selected, effectiveDate, legalBasis);
    }

    /**
     * Writes a checked mapping against the units as they are now. All or nothing.
     * @param progress counts the mapping's rows three times: as old units close, as new ones are made, as they
     *     are linked
     * @throws UnitImportRejected when a code the mapping gives a new unit is still in use, or the mapping conflicts
     *     with units already recorded; nothing is saved
     */
    @Transactional
    public MergeImportSummary write(CheckedMerges merges, JobProgress progress) {
        // Checked again, as units may have been imported since the check.
        requireNoConflictWithRecordedUnits(merges.merges, merges.effectiveDate);
        MergeImportSummary summary = new Reform(merges.effectiveDate, merges.legalBasis, new ArrayList<>(), progress)
                .apply(merges.merges);
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("effectiveDate", merges.effectiveDate.toString());
        imported.put("legalBasis", merges.legalBasis);
        imported.put("provincesCreated", summary.provincesCreated());
        imported.put("created", summary.unitsCreated());
        imported.put("updated", summary.unitsUpdated());
        imported.put("unchanged", summary.unitsUnchanged());
        imported.put("closed", summary.unitsClosed());
        imported.put("successionsCreated", summary.successionsCreated());
        imported.put("unknownPredecessors", summary.unknownPredecessors().size());
        audit.record(UnitImportSummary.AUDIT_TYPE, merges.effectiveDate, "IMPORT_UNIT_MERGES", null, imported);
        return summary;
    }

    /**
     * A mapping is recorded with one effective date. Imported again with another, it would close the communes it
     * formed and form them anew (a later date), or form them a second time beside them (an earlier one): a new
     * commune already formed from exactly the old codes the mapping lists for it says which date was used.
     * Otherwise a code held by a unit formed after the date cannot go to a unit formed on it.
     */
    private void requireNoConflictWithRecordedUnits(List<Merge> merges, LocalDate effectiveDate) {
        if (merges.isEmpty()) {
            return;
        }
        Map<String, Set<String>> oldCodesByNewCode = new HashMap<>();
        Set<String> newCodes = new TreeSet<>();
        for (Merge merge : merges) {
            oldCodesByNewCode.computeIfAbsent(merge.newCode(), code -> new TreeSet<>()).add(merge.oldCode());
            newCodes.add(merge.provinceCode());
            newCodes.add(merge.newCode());
        }
        Map<AdministrativeUnit, Set<String>> formedFrom = new HashMap<>();
        successions.findIntoCommunesOnAnotherDay(oldCodesByNewCode.keySet(), effectiveDate)
                .forEach(succession -> formedFrom.computeIfAbsent(succession.getSuccessor(),
                        successor -> new TreeSet<>()).add(succession.getPredecessor().getCode()));
        Map<LocalDate, List<AdministrativeUnit>> recordedByDate = new TreeMap<>();
        formedFrom.forEach((successor, oldCodes) -> {
            if (oldCodes.equals(oldCodesByNewCode.get(successor.getCode()))) {
                recordedByDate.computeIfAbsent(successor.getValidFrom(), date -> new ArrayList<>()).add(successor);
            }
        });
        List<ImportProblem> problems = new ArrayList<>();
        recordedByDate.forEach((date, formed) -> {
            AdministrativeUnit first = formed.stream().min(Comparator.comparing(AdministrativeUnit::getCode))
                    .orElseThrow();
            problems.add(ImportProblem.ofFile("unit.merge.problem.recordedOn", date, first.getName(),
                    first.getCode(), formed.size()));
        });
        if (problems.isEmpty()) {
            units.findCurrentByCodes(newCodes).stream()
                    .filter(unit -> unit.getValidFrom() != null && unit.getValidFrom().isAfter(effectiveDate))
                    .sorted(Comparator.comparing(AdministrativeUnit::getCode))
                    .forEach(unit -> problems.add(ImportProblem.ofFile("unit.merge.problem.codeHeldLater",
                            unit.getCode(), unit.getName(), unit.getValidFrom())));
        }
        if (!problems.isEmpty()) {
            throw new UnitImportRejected(problems);
        }
    }

    /** A mapping that passed every check, the rows of the provinces chosen, for {@link #write}. */
    public static final class CheckedMerges {

        private final List<Merge> merges;

        private final LocalDate effectiveDate;

        private final String legalBasis;

        private CheckedMerges(List<Merge> merges, LocalDate effectiveDate, String legalBasis) {
            this.merges = merges;
            this.effectiveDate = effectiveDate;
            this.legalBasis = legalBasis;
        }
    }

    /** The file's rows as they are read: the header is checked, and each row after it becomes a merge. */
    private static final class Mapping implements Consumer<TabularRow> {

        private final List<ImportProblem> problems = new ArrayList<>();

        private final List<Merge> merges = new ArrayList<>();

        /** The new provinces the rows name, those refused for another cell too. */
        private final Set<String> provinceCodes = new HashSet<>();

        private boolean headerRead;

        @Override
        public void accept(TabularRow row) {
            if (headerRead) {
                provinceCodes.add(row.code(0, UnitLevel.PROVINCE));
                parse(row, problems).ifPresent(merges::add);
                return;
            }
            List<String> header = row.cells().stream()
                    .map(cell -> UnitNames.normalize(cell).toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(HEADER) && !row.fromSpreadsheet() && TableRows.semicolonSeparated(header)) {
                throw new UnitImportRejected(new ImportProblem(row.line(), null, "import.problem.semicolons"));
            }
            if (!header.equals(HEADER)) {
                throw new UnitImportRejected(new ImportProblem(row.line(), null, "unit.merge.problem.header",
                        String.join(",", header), String.join(",", HEADER)));
            }
            headerRead = true;
        }
    }

    private static void checkConsistency(List<Merge> merges, List<ImportProblem> problems) {
        Map<String, Merge> newUnitFirstSeen = new HashMap<>();
        Map<String, Merge> oldUnitFirstSeen = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        for (Merge merge : merges) {
            // A unit merged whole goes into one new unit: the national table has no other row for it.
            Merge earlier = oldUnitFirstSeen.putIfAbsent(merge.oldCode(), merge);
            if (earlier != null && !earlier.newCode().equals(merge.newCode())
                    && (earlier.kind() == SuccessionKind.FULL || merge.kind() == SuccessionKind.FULL)) {
                Merge whole = earlier.kind() == SuccessionKind.FULL ? earlier : merge;
                Merge other = whole == earlier ? merge : earlier;
                problems.add(new ImportProblem(merge.line(), "merge_type", "unit.merge.problem.wholeIntoTwo",
                        merge.oldCode(), whole.newCode(), whole.line(), other.newCode(), other.line()));
            }
            Merge first = newUnitFirstSeen.putIfAbsent(merge.newCode(), merge);
            if (first != null && !first.provinceCode().equals(merge.provinceCode())) {
                problems.add(new ImportProblem(merge.line(), "new_province_code",
                        "unit.merge.problem.unitInTwoProvinces", merge.newCode(), merge.provinceCode(),
                        first.provinceCode(), first.line()));
            }
            if (!pairs.add(merge.oldCode() + ">" + merge.newCode())) {
                problems.add(new ImportProblem(merge.line(), "old_unit_code", "unit.merge.problem.duplicatePair",
                        merge.oldCode(), merge.newCode()));
            }
        }
    }

    private static Optional<Merge> parse(TabularRow row, List<ImportProblem> problems) {
        int before = problems.size();
        String provinceCode = row.code(0, UnitLevel.PROVINCE);
        String provinceName = UnitNames.normalize(row.cell(1));
        String newCode = row.code(2, UnitLevel.COMMUNE);
        String newName = UnitNames.normalize(row.cell(3));
        String oldCode = row.cell(4);
        String kind = row.cell(6).toUpperCase(Locale.ROOT);
        requireShape(row, "new_province_code", provinceCode, UnitLevel.PROVINCE.acceptsCode(provinceCode), 2, problems);
        requireShape(row, "new_unit_code", newCode, UnitLevel.COMMUNE.acceptsCode(newCode), 5, problems);
        if (oldCode.isEmpty()) {
            problems.add(new ImportProblem(row.line(), "old_unit_code", "unit.import.problem.missingCode"));
        }
        else if (!UnitLevel.COMMUNE.acceptsCode(oldCode) && !UnitLevel.DISTRICT.acceptsCode(oldCode)) {
            problems.add(new ImportProblem(row.line(), "old_unit_code", "unit.merge.problem.oldCodeShape", oldCode));
        }
        Optional<UnitType> provinceType = typeOf(row, "new_province_name", provinceName, UnitLevel.PROVINCE, problems);
        Optional<UnitType> newType = typeOf(row, "new_unit_name", newName, UnitLevel.COMMUNE, problems);
        if (!kind.equals("FULL") && !kind.equals("PARTIAL")) {
            problems.add(new ImportProblem(row.line(), "merge_type", "unit.merge.problem.mergeType", row.cell(6)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Merge(row.line(), provinceCode, provinceName, provinceType.get(), newCode, newName,
                newType.get(), oldCode, SuccessionKind.valueOf(kind)));
    }

    private static void requireShape(TabularRow row, String column, String code, boolean fits, int length,
            List<ImportProblem> problems) {
        if (code.isEmpty()) {
            problems.add(new ImportProblem(row.line(), column, "unit.import.problem.missingCode"));
        }
        else if (!fits) {
            problems.add(new ImportProblem(row.line(), column, "unit.import.problem.codeShape", code, length));
        }
    }

    private static Optional<UnitType> typeOf(TabularRow row, String column, String name, UnitLevel level,
            List<ImportProblem> problems) {
        if (name.isEmpty()) {
            problems.add(new ImportProblem(row.line(), column, "unit.import.problem.missingName"));
            return Optional.empty();
        }
        if (name.length() > AdministrativeUnit.NAME_MAX) {
            problems.add(new ImportProblem(row.line(), column, "unit.import.problem.nameTooLong", name.length(),
                    AdministrativeUnit.NAME_MAX));
            return Optional.empty();
        }
        Optional<UnitType> type = UnitType.ofName(name, level);
        if (type.isEmpty()) {
            problems.add(new ImportProblem(row.line(), column, "unit.import.problem.typeNotInName", name));
        }
        return type;
    }

    private record Merge(int line, String provinceCode, String provinceName, UnitType provinceType, String newCode,
            String newName, UnitType newType, String oldCode, SuccessionKind kind) {
    }

    /** One run of the mapping against the database, with everything it has loaded and counted. */
    private final class Reform {

        private final LocalDate effectiveDate;

        private final LocalDate lastOldDay;

        private final String legalBasis;

        private final List<ImportProblem> problems;

        private final JobProgress progress;

        private final Map<String, AdministrativeUnit> before = new HashMap<>();

        private final Map<String, AdministrativeUnit> after = new HashMap<>();

        private int provincesCreated;

        private int unitsCreated;

        private int unitsUpdated;

        private int unitsUnchanged;

        private int unitsClosed;

        Reform(LocalDate effectiveDate, String legalBasis, List<ImportProblem> problems, JobProgress progress) {
            this.effectiveDate = effectiveDate;
            this.lastOldDay = effectiveDate.minusDays(1);
            this.legalBasis = legalBasis;
            this.problems = problems;
            this.progress = progress;
            units.findAllValidOn(lastOldDay).forEach(unit -> before.put(unit.getCode(), unit));
            units.findAllValidOn(effectiveDate).forEach(unit -> after.put(unit.getCode(), unit));
        }

        MergeImportSummary apply(List<Merge> merges) {
            progress.total(3 * merges.size());
            Set<String> unknown = new TreeSet<>();
            Map<String, AdministrativeUnit> closing = new LinkedHashMap<>();
            for (Merge merge : merges) {
                AdministrativeUnit old = before.get(merge.oldCode());
                if (old == null || old.getLevel() == UnitLevel.PROVINCE) {
                    unknown.add(merge.oldCode());
                }
                else {
                    closing.put(old.getCode(), old);
                }
                progress.advance();
            }
            closing.values().forEach(this::close);
            Map<String, AdministrativeUnit> oldProvinces = closeEmptiedParents(closing.values());
            // Closing first frees the codes that new units reuse (one current unit per code).
            units.flush();

            Map<String, AdministrativeUnit> newProvinces = new HashMap<>();
            Map<String, AdministrativeUnit> newUnits = new LinkedHashMap<>();
            for (Merge merge : merges) {
                AdministrativeUnit province = newProvinces.computeIfAbsent(merge.provinceCode(),
                        code -> newUnit(null, UnitLevel.PROVINCE, code, merge.provinceName(), merge.provinceType()));
                newUnits.computeIfAbsent(merge.newCode(),
                        code -> newUnit(province, UnitLevel.COMMUNE, code, merge.newName(), merge.newType()));
                progress.advance();
            }
            if (!problems.isEmpty()) {
                throw new UnitImportRejected(problems);
            }
            units.flush();

            List<AdministrativeUnit> successors = new ArrayList<>(newUnits.values());
            successors.addAll(newProvinces.values());
            Links links = new Links(successors);
            for (Merge merge : merges) {
                AdministrativeUnit old = closing.get(merge.oldCode());
                if (old != null) {
                    links.link(old, newUnits.get(merge.newCode()), merge.kind());
                }
                progress.advance();
            }
            linkProvinces(merges, closing, oldProvinces, newProvinces, links);
            return new MergeImportSummary(provincesCreated, unitsCreated, unitsUpdated, unitsUnchanged, unitsClosed,
                    links.created, links.updated, links.unchanged, List.copyOf(unknown));
        }

        private void close(AdministrativeUnit unit) {
            if (unit.getValidTo() == null) {
                unit.close(lastOldDay);
                unitsClosed++;
            }
        }

        /**
         * The district level ends with the reform, and so does each old province whose every unit has closed. A
         * district of a province the mapping touches closes once none of its units is left open, also when none
         * was ever imported under it (a tree of a few communes, such as the demo's), so that it does not keep its
         * province open.
         */
        private Map<String, AdministrativeUnit> closeEmptiedParents(Collection<AdministrativeUnit> closed) {
            Map<AdministrativeUnit, List<AdministrativeUnit>> children = new HashMap<>();
            before.values().stream().filter(unit -> unit.getParent() != null)
                    .forEach(unit -> children.computeIfAbsent(unit.getParent(),
                            parent -> new ArrayList<>()).add(unit));
            Map<String, AdministrativeUnit> oldProvinces = new LinkedHashMap<>();
            Set<AdministrativeUnit> parents = new LinkedHashSet<>();
            for (AdministrativeUnit unit : closed) {
                // The unit itself, not its code's holder the day before: a unit list may since have given the code to
                // another unit, and a parent missing that day had ended the import with a bare error.
                AdministrativeUnit parent = unit.getParent();
                parents.add(parent);
                if (parent.getLevel() == UnitLevel.DISTRICT && parent.getParent() != null) {
                    parents.add(parent.getParent());
                }
            }
            parents.stream().filter(parent -> parent.getLevel() == UnitLevel.PROVINCE).toList()
                    .forEach(province -> children.getOrDefault(province, List.of()).stream()
                            .filter(unit -> unit.getLevel() == UnitLevel.DISTRICT).forEach(parents::add));
            // Districts before provinces, so that a province sees its districts closed.
            parents.stream().sorted((a, b) -> b.getLevel().compareTo(a.getLevel())).forEach(parent -> {
                boolean emptied = children.getOrDefault(parent, List.of()).stream()
                        .allMatch(child -> child.getValidTo() != null);
                if (emptied) {
                    close(parent);
                }
                if (parent.getLevel() == UnitLevel.PROVINCE && parent.getValidTo() != null) {
                    oldProvinces.put(parent.getCode(), parent);
                }
            });
            return oldProvinces;
        }

        private AdministrativeUnit newUnit(AdministrativeUnit parent, UnitLevel level, String code, String name,
                UnitType type) {
            AdministrativeUnit current = after.get(code);
            if (current != null && effectiveDate.equals(current.getValidFrom()) && current.getLevel() == level) {
                boolean changed = current.describe(name, type, parent);
                if (level == UnitLevel.COMMUNE) {
                    if (changed) {
                        unitsUpdated++;
                    }
                    else {
                        unitsUnchanged++;
                    }
                }
                return current;
            }
            if (current != null && current.getValidTo() == null) {
                problems.add(ImportProblem.ofFile("unit.merge.problem.codeStillInUse", code, current.getName()));
            }
            AdministrativeUnit created = units.save(parent == null
                    ? AdministrativeUnit.province(code, name, type, effectiveDate)
                    : AdministrativeUnit.within(parent, level, code, name, type, effectiveDate));
            if (level == UnitLevel.PROVINCE) {
                provincesCreated++;
            }
            else {
                unitsCreated++;
            }
            return created;
        }

        /** A closed province goes wholly into one new province, or partly into several. */
        private void linkProvinces(List<Merge> merges, Map<String, AdministrativeUnit> closing,
                Map<String, AdministrativeUnit> oldProvinces, Map<String, AdministrativeUnit> newProvinces,
                Links links) {
            Map<String, Set<String>> destinations = new HashMap<>();
            for (Merge merge : merges) {
                AdministrativeUnit old = closing.get(merge.oldCode());
                if (old != null) {
                    destinations.computeIfAbsent(provinceOf(old).getCode(), code -> new TreeSet<>())
                            .add(merge.provinceCode());
                }
            }
            oldProvinces.forEach((code, oldProvince) -> {
                Set<String> targets = destinations.getOrDefault(code, Set.of());
                SuccessionKind kind = targets.size() == 1 ? SuccessionKind.FULL : SuccessionKind.PARTIAL;
                targets.forEach(target -> links.link(oldProvince, newProvinces.get(target), kind));
            });
        }

        private AdministrativeUnit provinceOf(AdministrativeUnit unit) {
            AdministrativeUnit current = unit;
            while (current.getLevel() != UnitLevel.PROVINCE) {
                current = current.getParent();
            }
            return current;
        }

        /** The successions into the new units, created or restated. */
        private final class Links {

            private final Map<String, UnitSuccession> existing = new HashMap<>();

            private int created;

            private int updated;

            private int unchanged;

            Links(Collection<AdministrativeUnit> successors) {
                if (!successors.isEmpty()) {
                    successions.findBySuccessorIn(successors).forEach(succession -> existing.put(
                            key(succession.getPredecessor(), succession.getSuccessor()), succession));
                }
            }

            void link(AdministrativeUnit predecessor, AdministrativeUnit successor, SuccessionKind kind) {
                UnitSuccession known = existing.get(key(predecessor, successor));
                if (known == null) {
                    UnitSuccession fresh = successions.save(
                            new UnitSuccession(predecessor, successor, kind, effectiveDate, legalBasis));
                    existing.put(key(predecessor, successor), fresh);
                    created++;
                }
                else if (known.restate(kind, legalBasis)) {
                    updated++;
                }
                else {
                    unchanged++;
                }
            }

            private static String key(AdministrativeUnit predecessor, AdministrativeUnit successor) {
                return predecessor.getId() + ">" + successor.getId();
            }
        }
    }
}
