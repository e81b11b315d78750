package org.communedx.service.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two published versions of a framework of their own, TEST-MAP 1.0 and 2.0, and province 94 that no other test
 * uses: communes 94001 and 94002, and 94003, merged away at the end of 2024. Version 2.0 keeps A and B, splits C
 * into C1, C2 (counts, like C) and C3 (yes or no), measures D by a count instead of a level, merges E and F into EF,
 * drops X and adds N. {@link #MAPPING} is that mapping as YAML. A test at size adds communes from 94100 on
 * ({@link #communesWithValues}).
 */
@Component
public class MappingFixtures {

    public static final String MAPPING = """
            fromCode: TEST-MAP
            fromVersion: "1.0"
            toCode: TEST-MAP
            toVersion: "2.0"
            links:
              - kind: SAME
                from: A
                to: A
              - kind: SAME
                from: B
                to: B
              - kind: SPLIT
                from: C
                to: C1, C2, C3
              - kind: SAME
                from: D
                to: D2
              - kind: MERGED
                from: [E, F]
                to: EF
              - kind: NEW
                to: N
              - kind: DROPPED
                from: X
            """;

    private static final AtomicInteger PERIODS = new AtomicInteger();

    private static final int FIRST_MANY = 94100;

    /** Codes run from 94100 to 94999. */
    public static final int MAX_MANY = 900;

    private final AdministrativeUnitRepository units;

    private final FrameworkRepository frameworks;

    private final PeriodRepository periods;

    private final TransactionTemplate transaction;

    private final JdbcTemplate jdbc;

    private final AssessmentRepository assessments;

    private final EvidenceRepository evidence;

    MappingFixtures(AdministrativeUnitRepository units, FrameworkRepository frameworks, PeriodRepository periods,
            TransactionTemplate transaction, JdbcTemplate jdbc, AssessmentRepository assessments,
            EvidenceRepository evidence) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.units = units;
        this.frameworks = frameworks;
        this.periods = periods;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    public static byte[] mappingYaml() {
        return MAPPING.getBytes(StandardCharsets.UTF_8);
    }

    public synchronized void ensure() {
        transaction.executeWithoutResult(status -> {
            if (frameworks.existsByCodeAndVersion("TEST-MAP", "1.0")) {
                return;
            }
            AdministrativeUnit p94 = units.save(AdministrativeUnit.province("94", "Tỉnh Ánh Xạ", UnitType.TINH, null));
            units.save(AdministrativeUnit.within(p94, UnitLevel.COMMUNE, "94001", "Xã Cũ Một", UnitType.XA, null));
            units.save(AdministrativeUnit.within(p94, UnitLevel.COMMUNE, "94002", "Xã Cũ Hai", UnitType.XA, null));
            AdministrativeUnit gone = AdministrativeUnit.within(p94, UnitLevel.COMMUNE, "94003", "Xã Đã Nhập",
                    UnitType.XA, null);
            gone.close(LocalDate.of(2024, 12, 31));
            units.save(gone);
            Framework old = Framework.draft("TEST-MAP", "1.0", new LocalizedText("Cũ", "Old"));
            CriterionGroup g = old.addGroup("G1", new LocalizedText("Nhóm", "Group"));
            g.addCriterion(criterion("A", MeasurementType.BOOLEAN, 1));
            g.addCriterion(criterion("B", MeasurementType.PERCENT, 80));
            g.addCriterion(criterion("C", MeasurementType.COUNT, 3));
            g.addCriterion(criterion("D", MeasurementType.LEVEL, 2));
            g.addCriterion(criterion("E", MeasurementType.COUNT, 1));
            g.addCriterion(criterion("F", MeasurementType.COUNT, 1));
            g.addCriterion(criterion("X", MeasurementType.BOOLEAN, 1));
            old.publish(Instant.parse("2024-01-01T00:00:00Z"));
            frameworks.save(old);
            Framework next = Framework.draft("TEST-MAP", "2.0", new LocalizedText("Mới", "New"));
            CriterionGroup h = next.addGroup("G1", new LocalizedText("Nhóm", "Group"));
            h.addCriterion(criterion("A", MeasurementType.BOOLEAN, 1));
            h.addCriterion(criterion("B", MeasurementType.PERCENT, 90));
            h.addCriterion(criterion("C1", MeasurementType.COUNT, 6));
            h.addCriterion(criterion("C2", MeasurementType.COUNT, 2));
            h.addCriterion(criterion("C3", MeasurementType.BOOLEAN, 1));
            h.addCriterion(criterion("D2", MeasurementType.COUNT, 2));
            h.addCriterion(criterion("EF", MeasurementType.COUNT, 2));
            h.addCriterion(criterion("N", MeasurementType.BOOLEAN, 1));
            next.publish(Instant.parse("2025-01-01T00:00:00Z"));
            frameworks.save(next);
        });
    }

    /** A period of its own on the version: the old one in 2024, closed; the new one in 2025, open a year more. */
    public long period(String version) {
        boolean old = version.equals("1.0");
        int year = old ? 2024 : 2025;
        LocalDate deadline = old ? LocalDate.of(2024, 12, 15) : LocalDate.now().plusYears(1);
        return transaction.execute(status -> periods.save(new Period(new PeriodTerms(
                "Ánh xạ " + PERIODS.incrementAndGet() + " " + System.nanoTime(), year, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), deadline),
                frameworks.findByCodeAndVersion("TEST-MAP", version).orElseThrow())).getId());
    }

    /**
     * {@code count} communes of province 94 from 94100 on (made the first time), each with a value in all seven
     * criteria of a period on 1.0 and one evidence file on A: the province a prefill at size carries over. A hundred
     * communes a transaction.
     */
    public void communesWithValues(long periodId, int count) {
        if (count > MAX_MANY) {
            throw new IllegalArgumentException("At most " + MAX_MANY + " communes: " + count);
        }
        Instant now = Instant.now();
        LocalDate midYear = LocalDate.of(2024, 6, 1);
        for (int first = 0; first < count; first += 100) {
            int from = first;
            transaction.executeWithoutResult(status -> {
                Period period = periods.findWithFramework(periodId).orElseThrow();
                AdministrativeUnit province = units.findByCodeValidOn("94", midYear).orElseThrow();
                for (int i = from; i < Math.min(count, from + 100); i++) {
                    String code = String.valueOf(FIRST_MANY + i);
                    AdministrativeUnit commune = units.findByCodeValidOn(code, midYear).orElseGet(() -> units.save(
                            AdministrativeUnit.within(province, UnitLevel.COMMUNE, code, "Xã Đo " + code, UnitType.XA,
                                    null)));
                    Assessment assessment = assessments.save(Assessment.open(commune, period, now));
                    value(assessment, "A", new EntryValue.YesNo(true), now);
                    value(assessment, "B", new EntryValue.Percent(18, 20), now);
                    value(assessment, "C", new EntryValue.Count(5), now);
                    value(assessment, "D", new EntryValue.Level(2), now);
                    value(assessment, "E", new EntryValue.Count(1), now);
                    value(assessment, "F", new EntryValue.Count(1), now);
                    value(assessment, "X", new EntryValue.YesNo(true), now);
                    assessments.flush();
                    evidence.save(new Evidence(assessment.entry("A").orElseThrow(), "ab".repeat(32), 10,
                            EvidenceType.PDF, "qd.pdf", "qd.pdf",
                            new EvidenceMetadata("12/QĐ", "Quyết định", "UBND", LocalDate.of(2024, 3, 1)), "t", now));
                }
            });
        }
    }

    private static void value(Assessment assessment, String criterion, EntryValue value, Instant now) {
        assessment.entry(criterion).orElseThrow().saveValue(value, null, "t", now);
    }

    /** Deletes the periods, their assessments and the mappings the tests made; audit rows stay. */
    public void clean() {
        transaction.executeWithoutResult(status -> {
            String periodsOfTest = "select p.id from period p join framework f on f.id = p.framework_id"
                    + " where f.code = 'TEST-MAP'";
            jdbc.update("delete from assessment where period_id in (" + periodsOfTest + ")");
            jdbc.update("delete from period where id in (" + periodsOfTest + ")");
            jdbc.update("delete from framework_mapping where source_framework_id in"
                    + " (select id from framework where code = 'TEST-MAP')");
        });
    }

    /** Deletes everything {@link #ensure} made too, so that tests that count units or provinces see none of it. */
    public void remove() {
        clean();
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from framework where code = 'TEST-MAP'");
            jdbc.update("delete from administrative_unit where code in ('94001', '94002', '94003')"
                    + " or code between '" + FIRST_MANY + "' and '" + (FIRST_MANY + MAX_MANY - 1) + "'");
            jdbc.update("delete from administrative_unit where code = '94'");
        });
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, int target) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, BigDecimal.valueOf(target),
                Comparison.AT_LEAST, null, BigDecimal.ONE, null, false);
    }
}
