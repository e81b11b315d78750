package org.communedx.service.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.mapping.FrameworkMappingRepository;
import org.communedx.model.mapping.MappingKind;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.CommuneBatches;
import org.communedx.service.job.JobProgress;
import org.communedx.service.job.JobStatus;
import org.communedx.service.mapping.MappingFileProblem.Place;
import org.communedx.service.mapping.MappingViews.MappingDetail;
import org.communedx.service.mapping.MappingViews.MappingSummary;
import org.communedx.service.testsupport.TestWait;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** Mappings between framework versions and the prefill of a period from them, in a real PostgreSQL. */
@SpringBootTest(classes = ServiceTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingServiceTests {

    private static final String SHA = "ab".repeat(32);

    @Autowired
    MappingFixtures fixtures;

    @Autowired
    MappingTransfer transfer;

    @Autowired
    Prefill prefill;

    @Autowired
    PrefillJobs prefillJobs;

    @Autowired
    CarryOvers carryOvers;

    @Autowired
    FrameworkMappingRepository mappings;

    @Autowired
    AssessmentRepository assessments;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    PeriodRepository periods;

    @Autowired
    EvidenceRepository evidence;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        fixtures.ensure();
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixtures.clean();
    }

    @AfterAll
    void removeFixtures() {
        fixtures.remove();
    }

    @Test
    void importsAMappingAndShowsWhatCarries() {
        MappingSummary saved = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml()));

        assertThat(saved.linkCount()).isEqualTo(7);
        assertThat(transfer.list()).extracting(MappingSummary::id).contains(saved.id());
        MappingDetail detail = transfer.detail(saved.id());
        assertThat(detail.links()).extracting(link -> link.kind(), link -> link.carriedTo()).containsExactly(
                tuple(MappingKind.SAME, List.of("A")), tuple(MappingKind.SAME, List.of("B")),
                tuple(MappingKind.SPLIT, List.of("C1", "C2")), tuple(MappingKind.SAME, List.of()),
                tuple(MappingKind.MERGED, List.of()), tuple(MappingKind.NEW, List.of()),
                tuple(MappingKind.DROPPED, List.of()));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'FRAMEWORK_MAPPING'"
                + " and entity_id = ? and action = 'IMPORT_MAPPING'", Long.class, String.valueOf(saved.id())))
                .isEqualTo(1);
    }

    @Test
    void yamlAndXlsxRoundTrip() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        byte[] yaml = transfer.exportYaml(id).content();
        byte[] xlsx = transfer.exportXlsx(id).content();

        long fromXlsx = transfer.importMapping(new ByteArrayResource(xlsx)).id();
        assertThat(transfer.exportYaml(fromXlsx).content()).as("the XLSX replaced the mapping with an equal one")
                .isEqualTo(yaml);
        assertThat(mappings.findById(id)).as("replaced").isEmpty();
        long fromYaml = transfer.importMapping(new ByteArrayResource(yaml)).id();
        assertThat(transfer.exportXlsx(fromYaml).content()).isNotEmpty();
        assertThat(transfer.exportYaml(fromYaml).content()).isEqualTo(yaml);
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("kind: \"SPLIT\"").contains("C1, C2, C3");
    }

    @Test
    void refusesAMappingWithEveryProblemAndSavesNothing() {
        long before = mappings.count();
        String broken = """
                fromCode: TEST-MAP
                fromVersion: "1.0"
                toCode: TEST-MAP
                toVersion: "2.0"
                links:
                  - kind: SAME
                    from: A
                    to: A, B
                  - kind: SPLIT
                    from: C
                    to: C1, NOPE
                  - kind: MERGED
                    from: [E, F, GHOST]
                    to: EF
                  - kind: SAME
                    from: A
                    to: D2
                  - kind: SOMETIMES
                    from: X
                """;

        assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                        .extracting(MappingFileProblem::place, MappingFileProblem::number, MappingFileProblem::field,
                                MappingFileProblem::messageKey)
                        .containsExactly(tuple(Place.YAML_LINK, 5, "kind", "mapping.import.problem.badKind")));
        String rules = broken.replace("SOMETIMES", "DROPPED");

        assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(rules.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                        .extracting(MappingFileProblem::place, MappingFileProblem::number,
                                MappingFileProblem::messageKey, MappingFileProblem::arguments)
                        .containsExactly(
                                tuple(Place.YAML_LINK, 1, "mapping.problem.kindCounts", List.of("SAME", 1, 2)),
                                tuple(Place.YAML_LINK, 2, "mapping.problem.unknownTarget", List.of("NOPE", "2.0")),
                                tuple(Place.YAML_LINK, 3, "mapping.problem.unknownSource", List.of("GHOST", "1.0")),
                                tuple(Place.YAML_LINK, 4, "mapping.problem.sourceTwice", List.of("A", 1)),
                                tuple(Place.FILE, 0, "mapping.problem.sourceMissing", List.of("B", "1.0")),
                                tuple(Place.FILE, 0, "mapping.problem.sourceMissing", List.of("D", "1.0")),
                                tuple(Place.FILE, 0, "mapping.problem.targetMissing", List.of("C2", "2.0")),
                                tuple(Place.FILE, 0, "mapping.problem.targetMissing", List.of("C3", "2.0")),
                                tuple(Place.FILE, 0, "mapping.problem.targetMissing", List.of("N", "2.0"))));
        assertThat(mappings.count()).isEqualTo(before);
    }

    @Test
    void refusesUnknownVersionsAndBrokenWorkbooks() throws IOException {
        assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource("kind,from,to\nSAME,A,B\n"
                .getBytes(StandardCharsets.UTF_8)))).as("a CSV is no mapping file")
                .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                        .extracting(MappingFileProblem::messageKey).containsExactly("mapping.import.problem.notAMapping"));
        String unknown = MappingFixtures.MAPPING.replace("toVersion: \"2.0\"", "toVersion: \"9.9\"");
        assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(unknown.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                        .extracting(MappingFileProblem::messageKey, MappingFileProblem::arguments)
                        .containsExactly(tuple("mapping.import.problem.unknownVersion", List.of("TEST-MAP", "9.9"))));

        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        byte[] yaml = transfer.exportYaml(id).content();
        byte[] xlsx = transfer.exportXlsx(id).content();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet links = workbook.getSheet(MappingWorkbook.LINKS_SHEET);
            links.getRow(3).getCell(0).setCellValue("MERGED");
            links.getRow(0).getCell(2).setCellValue("Sai");
            workbook.write(out);
            assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(out.toByteArray())))
                    .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                            .extracting(MappingFileProblem::place, MappingFileProblem::number,
                                    MappingFileProblem::messageKey)
                            .containsExactly(tuple(Place.LINKS_SHEET_ROW, 1, "mapping.import.problem.wrongHeader")));
            links.getRow(0).getCell(2).setCellValue("Tiêu chí mới");
            out.reset();
            workbook.write(out);
            assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(out.toByteArray())))
                    .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                            .extracting(MappingFileProblem::place, MappingFileProblem::number,
                                    MappingFileProblem::messageKey)
                            .containsExactly(tuple(Place.LINKS_SHEET_ROW, 4, "mapping.problem.kindCounts")));
            // A formula's cached result is not what the person sees typed: refused, as the value import refuses it.
            links.getRow(3).getCell(0).setCellFormula("\"SAME\"");
            out.reset();
            workbook.write(out);
            assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(out.toByteArray())))
                    .isInstanceOfSatisfying(MappingImportRefused.class, refused -> assertThat(refused.problems())
                            .extracting(MappingFileProblem::messageKey, MappingFileProblem::arguments)
                            .containsExactly(tuple("import.problem.formulas", List.of(MappingWorkbook.LINKS_SHEET,
                                    "A4"))));
        }
        assertThat(transfer.exportYaml(id).content()).as("the mapping is unchanged").isEqualTo(yaml);
    }

    @Test
    void onlyAdministratorsMapAndPrefill() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long period = fixtures.period("2.0");
        loginAs("tinh.hoabinh", Role.PROVINCE_MANAGER);

        assertThatThrownBy(() -> transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transfer.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transfer.exportYaml(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> prefillJobs.start(id, period)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void prefillCarriesCompatibleValuesAsMarkedDraftsWithTheirEvidence() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        long sourceEntry = oldValues(oldPeriod);

        UUID job = prefillJobs.start(id, newPeriod);
        JobStatus done = Awaitility.await().pollInSameThread().atMost(TestWait.part(10))
                .until(() -> prefillJobs.job(job), JobStatus::finished);

        assertThat(done.state()).isEqualTo(JobStatus.State.DONE);
        PrefillResult result = prefillJobs.result(job).orElseThrow();
        assertThat(result).isEqualTo(new PrefillResult(periods.findById(newPeriod).orElseThrow().getName(), 2, 5, 1,
                1));
        Map<String, CriterionEntry> one = entries("94001", newPeriod);
        assertThat(one.get("A").value()).isEqualTo(new EntryValue.YesNo(true));
        assertThat(one.get("B").value()).isEqualTo(new EntryValue.Percent(18, 20));
        assertThat(one.get("B").getExplanation()).isEqualTo("Sổ theo dõi");
        assertThat(one.get("C1").value()).isEqualTo(new EntryValue.Count(5));
        assertThat(one.get("C2").value()).isEqualTo(new EntryValue.Count(5));
        assertThat(List.of("A", "B", "C1", "C2")).allSatisfy(code -> {
            assertThat(one.get(code).getStatus()).as(code).isEqualTo(EntryStatus.DRAFT);
            assertThat(carryOvers.forEntry(one.get(code).getId())).as(code).isPresent();
        });
        assertThat(one.get("C2").isMet()).as("met by the new target").isTrue();
        assertThat(one.get("C1").isMet()).as("not met by the new target").isFalse();
        assertThat(List.of("C3", "D2", "EF", "N")).allSatisfy(code -> {
            assertThat(one.get(code).getStatus()).as(code).isEqualTo(EntryStatus.NOT_STARTED);
            assertThat(carryOvers.forEntry(one.get(code).getId())).as(code).isEmpty();
        });
        CarryOvers.CarriedOver mark = carryOvers.forEntry(one.get("A").getId()).orElseThrow();
        assertThat(mark.periodName()).isEqualTo(periods.findById(oldPeriod).orElseThrow().getName());
        assertThat(mark.criterionCode()).isEqualTo("A");
        assertThat(mark.carriedBy()).isEqualTo("admin");
        List<Evidence> linked = evidence.findByEntryInOrder(one.get("A").getId());
        assertThat(linked).extracting(Evidence::getSha256, Evidence::getTitle).containsExactly(tuple(SHA, "Quyết định"));
        assertThat(evidence.findByEntryInOrder(sourceEntry)).as("the old entry keeps its file").hasSize(1);

        Map<String, CriterionEntry> two = entries("94002", newPeriod);
        assertThat(two.get("A").getStatus()).as("a not-applicable request carries nothing")
                .isEqualTo(EntryStatus.NOT_STARTED);
        assertThat(two.get("B").value()).isEqualTo(new EntryValue.Percent(1, 2));
        assertThat(assessments.findByUnitAndPeriod(unitId("94003"), newPeriod)).as("merged away").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'CRITERION_ENTRY'"
                + " and action = 'CARRY_OVER' and entity_id = ?", Long.class, String.valueOf(one.get("A").getId())))
                .isEqualTo(1);
    }

    /**
     * Past the first {@value CommuneBatches#COMMUNES} communes the prefill writes what it holds and starts afresh:
     * every commune of a province of 107 is filled, marked and summed as the first ones are. (PrefillBenchmark times
     * a province of 700.)
     */
    @Test
    void prefillFillsEveryCommuneOfAProvinceBatchAfterBatch() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        int communes = 2 * CommuneBatches.COMMUNES + 7;
        fixtures.communesWithValues(oldPeriod, communes);

        PrefillResult result = prefill.write(prefill.check(id, newPeriod), new JobProgress());

        assertThat(result.communes()).isEqualTo(communes);
        assertThat(result.values()).as("A, B, C1 and C2 of each").isEqualTo(4 * communes);
        assertThat(result.files()).isEqualTo(communes);
        assertThat(jdbc.queryForObject("""
                select count(*) from carried_over_value m join criterion_entry e on e.id = m.entry_id
                join assessment a on a.id = e.assessment_id where a.period_id = ? and e.status = 'DRAFT'""",
                Long.class, newPeriod)).isEqualTo(4L * communes);
        assertThat(jdbc.queryForObject("select count(*) from assessment_progress where period_id = ?", Long.class,
                newPeriod)).as("each commune summed").isEqualTo(communes);
        assertThat(entries("94206", newPeriod).get("C2").value()).as("the last commune")
                .isEqualTo(new EntryValue.Count(5));
    }

    @Test
    void refusesAPrefillIntoAPeriodWithValuesAndWritesNothing() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        oldValues(oldPeriod);
        prefill.write(prefill.check(id, newPeriod), new JobProgress());
        long marks = count("carried_over_value");
        long files = count("evidence");
        String name = periods.findById(newPeriod).orElseThrow().getName();

        assertThatThrownBy(() -> prefillJobs.start(id, newPeriod))
                .isInstanceOfSatisfying(PrefillRefused.class, refused -> assertThat(refused.problems())
                        .extracting(PrefillProblem::messageKey, PrefillProblem::arguments).containsExactly(
                                tuple("mapping.prefill.problem.hasValues", List.of("94001", "Xã Cũ Một", 4, name)),
                                tuple("mapping.prefill.problem.hasValues", List.of("94002", "Xã Cũ Hai", 1, name))));
        assertThat(count("carried_over_value")).isEqualTo(marks);
        assertThat(count("evidence")).isEqualTo(files);
    }

    /** A commune that writes between the check and the job's write makes the job refuse, and roll back whole. */
    @Test
    void aValueEnteredAfterTheCheckMakesTheWriteRefuseWithNothingWritten() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        oldValues(oldPeriod);
        Prefill.Checked checked = prefill.check(id, newPeriod);
        long marks = count("carried_over_value");
        transaction.executeWithoutResult(status -> assessments.saveAndFlush(Assessment.open(units.findByCodeValidOn(
                "94002", LocalDate.of(2025, 6, 1)).orElseThrow(), periods.findWithFramework(newPeriod).orElseThrow(),
                Instant.now())).entry("N").orElseThrow().saveValue(new EntryValue.YesNo(true), null, "t",
                        Instant.now()));

        assertThatThrownBy(() -> prefill.write(checked, new JobProgress()))
                .isInstanceOfSatisfying(PrefillRefused.class, refused -> assertThat(refused.problems())
                        .extracting(PrefillProblem::messageKey).containsExactly("mapping.prefill.problem.hasValues"));
        assertThat(count("carried_over_value")).isEqualTo(marks);
        assertThat(assessments.findByUnitAndPeriod(unitId("94001"), newPeriod)).isEmpty();
    }

    @Test
    void refusesAPrefillIntoAPeriodOnAnotherVersionOrClosed() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        String name = periods.findById(oldPeriod).orElseThrow().getName();

        assertThatThrownBy(() -> prefill.check(id, oldPeriod))
                .isInstanceOfSatisfying(PrefillRefused.class, refused -> assertThat(refused.problems())
                        .extracting(PrefillProblem::messageKey).containsExactly(
                                "mapping.prefill.problem.otherVersion", "mapping.prefill.problem.closed",
                                "mapping.prefill.problem.nothingToCarry"));
        assertThat(name).isNotBlank();
    }

    /** When every commune that had the old version was merged away before the new period, the refusal says so. */
    @Test
    void refusesAPrefillWhoseCommunesWereAllMergedAwayAndSaysSo() {
        long id = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        transaction.executeWithoutResult(status -> assessments.save(Assessment.open(
                units.findByCodeValidOn("94003", LocalDate.of(2024, 6, 1)).orElseThrow(),
                periods.findWithFramework(oldPeriod).orElseThrow(), Instant.now())));
        String name = periods.findById(newPeriod).orElseThrow().getName();

        assertThatThrownBy(() -> prefill.check(id, newPeriod))
                .isInstanceOfSatisfying(PrefillRefused.class, refused -> assertThat(refused.problems())
                        .extracting(PrefillProblem::messageKey, PrefillProblem::arguments).containsExactly(
                                tuple("mapping.prefill.problem.allMergedAway", List.of(1, "TEST-MAP 1.0", name))));
    }

    /**
     * The old period's values: 94001 has A approved with a file, B a draft with an explanation, C submitted, D, E, F
     * and X; 94002 asks for A to be excluded and has B; 94003, merged away since, has A.
     * @return the id of 94001's entry for A
     */
    private long oldValues(long periodId) {
        Instant now = Instant.now();
        return transaction.execute(status -> {
            var period = periods.findWithFramework(periodId).orElseThrow();
            Assessment one = assessments.saveAndFlush(Assessment.open(units.findByCodeValidOn("94001",
                    LocalDate.of(2024, 6, 1)).orElseThrow(), period, now));
            CriterionEntry a = one.entry("A").orElseThrow();
            a.saveValue(new EntryValue.YesNo(true), null, "t", now);
            a.submit(0, "t", now);
            a.approve("r", now);
            one.entry("B").orElseThrow().saveValue(new EntryValue.Percent(18, 20), "Sổ theo dõi", "t", now);
            CriterionEntry c = one.entry("C").orElseThrow();
            c.saveValue(new EntryValue.Count(5), null, "t", now);
            c.submit(0, "t", now);
            one.entry("D").orElseThrow().saveValue(new EntryValue.Level(2), null, "t", now);
            one.entry("E").orElseThrow().saveValue(new EntryValue.Count(1), null, "t", now);
            one.entry("F").orElseThrow().saveValue(new EntryValue.Count(1), null, "t", now);
            one.entry("X").orElseThrow().saveValue(new EntryValue.YesNo(true), null, "t", now);
            evidence.save(new Evidence(a, SHA, 10, EvidenceType.PDF, "qd.pdf", "qd.pdf",
                    new EvidenceMetadata("12/QĐ", "Quyết định", "UBND", LocalDate.of(2024, 3, 1)), "t", now));
            Assessment two = assessments.saveAndFlush(Assessment.open(units.findByCodeValidOn("94002",
                    LocalDate.of(2024, 6, 1)).orElseThrow(), period, now));
            two.entry("A").orElseThrow().requestNotApplicable("Không có", "t", now);
            two.entry("B").orElseThrow().saveValue(new EntryValue.Percent(1, 2), null, "t", now);
            Assessment gone = assessments.saveAndFlush(Assessment.open(units.findByCodeValidOn("94003",
                    LocalDate.of(2024, 6, 1)).orElseThrow(), period, now));
            gone.entry("A").orElseThrow().saveValue(new EntryValue.YesNo(true), null, "t", now);
            assessments.flush();
            return a.getId();
        });
    }

    private Map<String, CriterionEntry> entries(String code, long periodId) {
        return transaction.execute(status -> assessments.findByUnitAndPeriod(unitId(code), periodId).orElseThrow()
                .getEntries().stream().peek(entry -> entry.getCriterion().getCode())
                .collect(Collectors.toMap(entry -> entry.getCriterion().getCode(), entry -> entry)));
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
