package org.communedx.service.unit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.SuccessionKind;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitSuccession;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.model.unit.UnitType;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.job.JobProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.unit.UnitFixtures.LIST_DATE;
import static org.communedx.service.unit.UnitFixtures.REFORM;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class MergeImportTests {

    private static final String BASIS = "Nghị quyết 1680/NQ-UBTVQH15";

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    MergeImport mergeImport;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    UnitSuccessionRepository successions;

    @Autowired
    AuditLog audit;

    @Test
    void theImportIsAuditedWithItsBasisAndWhatItDid() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));

        assertThat(audit.history(UnitImportSummary.AUDIT_TYPE, REFORM)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("IMPORT_UNIT_MERGES");
            assertThat(event.afterJson()).contains("\"legalBasis\": \"" + BASIS + "\"", "\"created\": 6",
                    "\"closed\": 9", "\"unknownPredecessors\": 1");
        });
    }

    @BeforeEach
    void importTheOldList() {
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
    }

    @Test
    void linksTheOldCommunesToTheNewYenPhuWhichReusesOneOfTheirCodes() {
        MergeImportSummary summary = mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM,
                BASIS, Set.of("25"));

        AdministrativeUnit newYenPhu = units.findByCodeValidOn("05305", REFORM).orElseThrow();
        assertThat(newYenPhu.getValidFrom()).isEqualTo(REFORM);
        assertThat(newYenPhu.getParent().getCode()).isEqualTo("25");
        assertThat(successions.findBySuccessor(newYenPhu))
                .extracting(succession -> succession.getPredecessor().getCode(), UnitSuccession::getKind)
                .containsExactly(tuple("05302", SuccessionKind.FULL), tuple("05305", SuccessionKind.FULL),
                        tuple("05308", SuccessionKind.FULL));

        AdministrativeUnit oldYenPhu = units.findByCodeValidOn("05305", REFORM.minusDays(1)).orElseThrow();
        assertThat(oldYenPhu).isNotSameAs(newYenPhu);
        assertThat(oldYenPhu.getValidTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(oldYenPhu.getParent().getCode()).isEqualTo("157");

        assertThat(summary.provincesCreated()).isEqualTo(1);
        // 07900 too: a new unit exists even when a predecessor was never imported.
        assertThat(summary.unitsCreated()).isEqualTo(6);
        // Six communes, both districts emptied, and the province they emptied.
        assertThat(summary.unitsClosed()).isEqualTo(9);
        assertThat(summary.unknownPredecessors()).containsExactly("07901");
        assertThat(units.findByCodeValidOn("98100", REFORM)).isEmpty();
    }

    @Test
    void splitsAPartiallyMergedCommuneAndPassesTheOldProvinceToTheNewOne() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));

        AdministrativeUnit oldAnNghia = units.findByCodeValidOn("05347", REFORM.minusDays(1)).orElseThrow();
        assertThat(successions.findByPredecessor(oldAnNghia))
                .extracting(succession -> succession.getSuccessor().getCode(), UnitSuccession::getKind)
                .containsExactly(tuple("05347", SuccessionKind.PARTIAL), tuple("05350", SuccessionKind.PARTIAL));

        AdministrativeUnit hoaBinh = units.findByCodeValidOn("17", REFORM.minusDays(1)).orElseThrow();
        assertThat(hoaBinh.getValidTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(successions.findByPredecessor(hoaBinh))
                .extracting(succession -> succession.getSuccessor().getCode(), UnitSuccession::getKind,
                        UnitSuccession::getLegalBasis)
                .containsExactly(tuple("25", SuccessionKind.FULL, BASIS));
        assertThat(units.findByCodeValidOn("157", REFORM)).isEmpty();
    }

    /** A tree of a few communes, as the demo's: a district with none imported must not keep its province open. */
    @Test
    void closesADistrictWithNoCommunesImportedAndSoItsProvince() {
        AdministrativeUnit hoaBinh = units.findByCodeValidOn("17", LIST_DATE).orElseThrow();
        units.save(AdministrativeUnit.within(hoaBinh, UnitLevel.DISTRICT, "150", "Huyện Đà Bắc", UnitType.HUYEN,
                null));

        MergeImportSummary summary = mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM,
                BASIS, Set.of("25"));

        assertThat(units.findAllByCode("150")).singleElement()
                .extracting(AdministrativeUnit::getValidTo).isEqualTo(REFORM.minusDays(1));
        assertThat(units.findByCodeValidOn("17", REFORM)).isEmpty();
        assertThat(summary.unitsClosed()).as("six communes, three districts, the province").isEqualTo(10);
    }

    /** An empty district of a province the mapping does not touch is none of its business. */
    @Test
    void leavesTheDistrictsOfAnUntouchedProvinceOpen() {
        AdministrativeUnit other = units.save(AdministrativeUnit.province("93", "Tỉnh Không Sáp Nhập", UnitType.TINH,
                null));
        units.save(AdministrativeUnit.within(other, UnitLevel.DISTRICT, "930", "Huyện Trống", UnitType.HUYEN, null));

        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));

        assertThat(units.findByCodeValidOn("930", REFORM)).isPresent();
        assertThat(units.findByCodeValidOn("93", REFORM)).isPresent();
    }

    @Test
    void checkingWritesNothingAndTheWriteCountsEachRowAtEachStep() {
        long unitCount = units.count();
        MergeImport.CheckedMerges mapping = mergeImport.check(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS,
                Set.of("25"));
        assertThat(units.count()).isEqualTo(unitCount);
        assertThat(successions.count()).isZero();

        JobProgress progress = new JobProgress();
        mergeImport.write(mapping, progress);

        assertThat(progress.total()).isPositive().isEqualTo(progress.done());
        assertThat(successions.count()).isPositive();
    }

    @Test
    void changesNothingWhenRunAgain() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));
        long unitCount = units.count();
        long successionCount = successions.count();

        MergeImportSummary again = mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM,
                BASIS, Set.of("25"));

        assertThat(again.provincesCreated() + again.unitsCreated() + again.unitsUpdated() + again.unitsClosed()
                + again.successionsCreated() + again.successionsUpdated()).isZero();
        assertThat(again.unitsUnchanged()).isEqualTo(6);
        assertThat(units.count()).isEqualTo(unitCount);
        assertThat(successions.count()).isEqualTo(successionCount);
    }

    @Test
    void refusesABadMergeTypeOrAProvinceNotInTheFileAndSavesNothing() {
        long before = units.count();
        String bad = new String(UnitFixtures.resource("merges-sample.csv"), StandardCharsets.UTF_8)
                .replace("05308,Xã Bình Hẻm,full", "05308,Xã Bình Hẻm,whole");

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> mergeImport.importMerges(UnitFixtures.csv(bad), REFORM, BASIS,
                        Set.of("25", "26")))
                .satisfies(rejected -> assertThat(rejected.problems())
                        .extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(tuple(0, "unit.merge.problem.provinceNotInFile"),
                                tuple(5, "unit.merge.problem.mergeType")));
        assertThat(units.count()).isEqualTo(before);
        assertThat(units.findByCodeValidOn("05305", LIST_DATE).orElseThrow().getValidTo()).isNull();
    }

    /** Excel in a Vietnamese locale saves "CSV" with semicolons: said so, not that the header is wrong. */
    @Test
    void saysWhenTheColumnsAreSeparatedBySemicolons() {
        String semicolons = new String(UnitFixtures.resource("merges-sample.csv"), StandardCharsets.UTF_8)
                .replace(',', ';');

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> mergeImport.importMerges(UnitFixtures.csv(semicolons), REFORM, BASIS, Set.of()))
                .satisfies(rejected -> assertThat(rejected.problems()).extracting(ImportProblem::messageKey)
                        .containsExactly("import.problem.semicolons"));
    }

    /** A province whose every row is refused is still in the file: the rows' own problems say what is wrong. */
    @Test
    void aProvinceWhoseRowsAreAllRefusedIsNotCalledMissing() {
        String bad = MergeImport.HEADER.stream().collect(Collectors.joining(",")) + "\n"
                + "99,Tỉnh Thử,99100,Xã " + "A".repeat(AdministrativeUnit.NAME_MAX) + ",98001,Xã Đồi Thông,whole\n";

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> mergeImport.check(UnitFixtures.csv(bad), REFORM, BASIS, Set.of("99")))
                .satisfies(rejected -> assertThat(rejected.problems())
                        .extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
                        .containsExactly(tuple(2, "new_unit_name", "unit.import.problem.nameTooLong"),
                                tuple(2, "merge_type", "unit.merge.problem.mergeType")));
    }

    /** A unit merged whole goes into one new unit; into two, the page would say both, each "toàn bộ". */
    @Test
    void refusesAUnitMergedWholeIntoTwoNewOnes() {
        String twice = new String(UnitFixtures.resource("merges-sample.csv"), StandardCharsets.UTF_8)
                + "25,Tỉnh Phú Thọ,05068,Xã Nam Thượng,05302,Xã Xuất Hóa,full\n";

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> mergeImport.importMerges(UnitFixtures.csv(twice), REFORM, BASIS, Set.of("25")))
                .satisfies(rejected -> assertThat(rejected.problems())
                        .extracting(ImportProblem::line, ImportProblem::messageKey, problem -> List.of(problem.args()))
                        .containsExactly(tuple(11, "unit.merge.problem.wholeIntoTwo",
                                List.of("05302", "05305", 3, "05068", 11))));
    }

    /**
     * Imported again with another date, the demo's mapping closed the communes it had formed and failed on "code
     * 25 is still used" (a later date), or failed on the database's one-current-unit-per-code rule (an earlier one).
     */
    @Test
    void refusesTheRecordedMappingWithAnotherDateAndNamesTheRecordedDate() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));
        long unitCount = units.count();

        for (LocalDate other : List.of(REFORM.plusMonths(1), REFORM.minusMonths(1))) {
            assertThatExceptionOfType(UnitImportRejected.class)
                    .isThrownBy(() -> mergeImport.check(UnitFixtures.file("merges-sample.csv"), other, BASIS,
                            Set.of("25")))
                    .satisfies(rejected -> assertThat(rejected.problems())
                            .extracting(ImportProblem::messageKey, problem -> List.of(problem.args()))
                            .containsExactly(tuple("unit.merge.problem.recordedOn",
                                    List.of(REFORM, "Xã Nam Thượng", "05068", 5))));
        }
        assertThat(units.count()).isEqualTo(unitCount);
        assertThat(units.findByCodeValidOn("05305", REFORM.plusMonths(2)).orElseThrow().getValidFrom())
                .isEqualTo(REFORM);
    }

    @Test
    void refusesACodeThatAUnitFormedAfterTheDateHolds() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, BASIS, Set.of("25"));
        String earlier = MergeImport.HEADER.stream().collect(Collectors.joining(",")) + "\n"
                + "25,Tỉnh Phú Thọ,05305,Xã Yên Phú,05308,Xã Bình Hẻm,full\n";

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> mergeImport.importMerges(UnitFixtures.csv(earlier), REFORM.minusMonths(1), BASIS,
                        Set.of()))
                .satisfies(rejected -> assertThat(rejected.problems())
                        .extracting(ImportProblem::messageKey, problem -> List.of(problem.args()))
                        .containsExactly(
                                tuple("unit.merge.problem.codeHeldLater", List.of("05305", "Xã Yên Phú", REFORM)),
                                tuple("unit.merge.problem.codeHeldLater", List.of("25", "Tỉnh Phú Thọ", REFORM))));
    }
}
