package org.communedx.service.framework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.framework.FrameworkViews.CriterionView;
import org.communedx.service.framework.FrameworkViews.FrameworkDetail;
import org.communedx.service.framework.ImportProblem.Place;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** Scoring rules and score settings through the YAML and XLSX round trip, and a broken rule refused whole. */
@SpringBootTest(classes = ServiceTestApplication.class)
class ScoringTransferTests {

    /** A points index: every rule, a declared total of 100 that the maxima add up to. */
    static final String POINTS_FRAMEWORK = """
            code: PT-TEST
            version: "1"
            titleVi: Chỉ số thử
            titleEn: Test index
            scoreDisplay: POINTS
            scoreDecimals: 2
            declaredTotal: 100
            groups:
              - code: G1
                nameVi: Nhóm 1
                nameEn: Group 1
                criteria:
                  - code: G1.C1
                    nameVi: Cán bộ được đào tạo
                    nameEn: Officials trained
                    type: PERCENT
                    target: 80
                    comparison: AT_LEAST
                    weight: 40
                    scoring: PROPORTIONAL
                  - code: G1.C2
                    nameVi: Sự cố an toàn thông tin
                    nameEn: Security incidents
                    type: COUNT
                    target: 0
                    comparison: AT_MOST
                    weight: 10
              - code: G2
                nameVi: Nhóm 2
                nameEn: Group 2
                criteria:
                  - code: G2.C1
                    nameVi: Hộ có cáp quang
                    nameEn: Households with fibre
                    type: PERCENT
                    target: 100
                    comparison: AT_LEAST
                    weight: 30
                    scoring: STEPS
                    steps: "0..50=0; 50..80=12.5; 80..=30"
                  - code: G2.C2
                    nameVi: Mức độ số hóa
                    nameEn: Digitisation level
                    type: LEVEL
                    target: 3
                    comparison: AT_LEAST
                    weight: 20
                    scoring: LEVELS
                    steps: "0=0; 1=5; 2=12; 3=20"
            """;

    @Autowired
    FrameworkTransfer transfer;

    @Autowired
    FrameworkCatalogue catalogue;

    @Autowired
    FrameworkRepository frameworks;

    @BeforeEach
    void asAdministrator() {
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPointsIndexImportsWithEveryRuleAndRoundTripsThroughYamlAndXlsx() {
        transfer.importDraft(new ByteArrayResource(POINTS_FRAMEWORK.getBytes(StandardCharsets.UTF_8)), "rt-1");
        FrameworkDetail imported = catalogue.version("PT-TEST", "rt-1");

        assertThat(imported.scoreSettings()).isEqualTo(new ScoreSettings(ScoreDisplay.POINTS, 2,
                new java.math.BigDecimal("100")));
        assertThat(imported.maximumPoints()).isEqualByComparingTo("100");
        assertThat(criteria(imported)).extracting(CriterionView::code, CriterionView::scoring, CriterionView::steps)
                .containsExactly(tuple("G1.C1", ScoringMethod.PROPORTIONAL, null),
                        tuple("G1.C2", ScoringMethod.ALL_OR_NOTHING, null),
                        tuple("G2.C1", ScoringMethod.STEPS, "0..50=0; 50..80=12.5; 80..=30"),
                        tuple("G2.C2", ScoringMethod.LEVELS, "0=0; 1=5; 2=12; 3=20"));

        transfer.importDraft(new ByteArrayResource(transfer.exportYaml("PT-TEST", "rt-1").content()), "rt-yaml");
        transfer.importDraft(new ByteArrayResource(transfer.exportXlsx("PT-TEST", "rt-1").content()), "rt-xlsx");

        for (String version : List.of("rt-yaml", "rt-xlsx")) {
            FrameworkDetail again = catalogue.version("PT-TEST", version);
            assertThat(again.scoreSettings()).as(version).isEqualTo(imported.scoreSettings());
            assertThat(criteria(again)).as(version).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyElementsOf(criteria(imported));
        }
    }

    @Test
    void aFrameworkWithoutScoringFieldsIsScoredAllOrNothingInPercent() {
        String yaml = new String(transfer.exportYaml("DX-XA", "1.0").content(), StandardCharsets.UTF_8);

        assertThat(yaml).contains("scoreDisplay: \"PERCENT\"", "scoring: \"ALL_OR_NOTHING\"");
        String older = yaml.lines().filter(line -> !line.contains("scoreDisplay") && !line.contains("scoreDecimals")
                && !line.contains("scoring:")).reduce("", (a, b) -> a + b + "\n");
        transfer.importDraft(new ByteArrayResource(older.getBytes(StandardCharsets.UTF_8)), "1.0-older");

        FrameworkDetail imported = catalogue.version("DX-XA", "1.0-older");
        assertThat(imported.scoreSettings()).isEqualTo(ScoreSettings.PERCENT);
        assertThat(criteria(imported)).extracting(CriterionView::scoring).containsOnly(ScoringMethod.ALL_OR_NOTHING);
    }

    /** A workbook exported before scoring rules lacks their trailing columns, and still imports. */
    @Test
    void aWorkbookWithoutTheScoringColumnsImportsAsPercentAllOrNothing() throws java.io.IOException {
        byte[] older;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(transfer.exportXlsx("PT-TEST", importPoints("xlsx-src")).content()));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            dropColumnsFrom(workbook.getSheet(FrameworkWorkbook.FRAMEWORK_SHEET), 4);
            dropColumnsFrom(workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET), 14);
            workbook.write(out);
            older = out.toByteArray();
        }

        transfer.importDraft(new ByteArrayResource(older), "xlsx-older");

        FrameworkDetail imported = catalogue.version("PT-TEST", "xlsx-older");
        assertThat(imported.scoreSettings()).isEqualTo(ScoreSettings.PERCENT);
        assertThat(criteria(imported)).extracting(CriterionView::scoring).containsOnly(ScoringMethod.ALL_OR_NOTHING);
        assertThat(criteria(imported)).extracting(CriterionView::weight)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(
                new java.math.BigDecimal("40"), java.math.BigDecimal.TEN, new java.math.BigDecimal("30"),
                new java.math.BigDecimal("20"));
    }

    private String importPoints(String version) {
        return transfer.importDraft(new ByteArrayResource(POINTS_FRAMEWORK.getBytes(StandardCharsets.UTF_8)), version)
                .version();
    }

    private static void dropColumnsFrom(org.apache.poi.ss.usermodel.Sheet sheet, int first) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (int column = row.getLastCellNum() - 1; column >= first; column--) {
                org.apache.poi.ss.usermodel.Cell cell = row.getCell(column);
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
        }
    }

    @Test
    void aBrokenScoringRuleIsRefusedWithEveryProblemAndNothingSaved() {
        String broken = POINTS_FRAMEWORK
                .replace("declaredTotal: 100", "declaredTotal: 1000")
                .replace("scoreDecimals: 2", "scoreDecimals: 7")
                .replace("0..50=0; 50..80=12.5; 80..=30", "0..50=-1; 40..80=12.5; 90..=31")
                .replace("0=0; 1=5; 2=12; 3=20", "0=0; 1=5; 3=20")
                .replace("scoring: PROPORTIONAL", "scoring: HALF");
        long before = frameworks.count();

        FrameworkImportRefused refused = catchThrowableOfType(FrameworkImportRefused.class,
                () -> transfer.importDraft(new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8)), "broken"));

        assertThat(refused.problems()).extracting(ImportProblem::place, ImportProblem::number, ImportProblem::field,
                ImportProblem::messageKey).containsExactly(
                        tuple(Place.YAML_LINE, 20, "scoring", "framework.import.problem.unknownScoring"),
                        tuple(Place.YAML_LINE, 40, "steps", "framework.problem.scoring.negativePoints"),
                        tuple(Place.YAML_LINE, 40, "steps", "framework.problem.scoring.pointsAboveMaximum"),
                        tuple(Place.YAML_LINE, 40, "steps", "framework.problem.scoring.overlappingSteps"),
                        tuple(Place.YAML_LINE, 40, "steps", "framework.problem.scoring.gapBetweenSteps"),
                        tuple(Place.YAML_LINE, 49, "steps", "framework.problem.scoring.levelMissing"),
                        // With the rest, not once the rest is mended; the total waits for criteria that all read.
                        tuple(Place.YAML_LINE, 6, "scoreDecimals", "framework.problem.scoring.decimalsOutOfRange"));
        assertThat(frameworks.count()).as("nothing saved").isEqualTo(before);

    }

    /**
     * A draft whose criteria do not reach its declared total yet, as the editor lets one be, comes back from its own
     * file as a draft: publishing, not the import, holds a version to its total.
     */
    @Test
    void aDraftShortOfItsDeclaredTotalImportsAndPublishingSaysWhy() {
        String wrongTotal = POINTS_FRAMEWORK.replace("declaredTotal: 100", "declaredTotal: 1000");

        transfer.importDraft(new ByteArrayResource(wrongTotal.getBytes(StandardCharsets.UTF_8)), "short");

        FrameworkRuleViolation unpublishable = catchThrowableOfType(FrameworkRuleViolation.class,
                () -> catalogue.publish("PT-TEST", "short"));
        assertThat(unpublishable.problems()).extracting(FrameworkProblem::messageKey, FrameworkProblem::arguments)
                .containsExactly(tuple("framework.problem.scoring.totalMismatch",
                        List.of(new BigDecimal("1000"), new BigDecimal("100"))));
    }

    private static List<CriterionView> criteria(FrameworkDetail framework) {
        return framework.groups().stream().flatMap(group -> group.criteria().stream()).toList();
    }
}
