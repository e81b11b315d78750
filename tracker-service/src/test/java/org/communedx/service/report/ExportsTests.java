package org.communedx.service.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.user.Role;
import org.communedx.service.NotFoundException;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.AssessmentView;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.Completion.Percentages;
import org.communedx.service.assessment.Scorecards.CriterionRow;
import org.communedx.service.assessment.Scorecards.GroupCard;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.GroupAverage;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.report.Exports.EntrySelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * The raw entries export over a real PostgreSQL, on the fixtures' province 96 (district 961 with communes 96101 and
 * 96102, commune 96201 directly under the province) in a period of the test's own. The same application context as
 * the workflow tests.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class ExportsTests {

    /** Labels that are their own keys, so that the test reads which key each cell took. */
    private static final Labels KEYS = keys();

    @Autowired
    Exports exports;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    WorkflowFixtures fixtures;

    long period;

    @BeforeEach
    void twoCommunesWithAssessments() {
        fixtures.ensure();
        period = fixtures.newPeriod();
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        AssessmentView yenPhu = workflow.open("96101", period);
        EntryView percent = yenPhu.entries().get(1);
        workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(18, 20), "=HYPERLINK(\"x\")");
        loginAs("t.xa96201", Role.COMMUNE_STAFF);
        workflow.open("96201", period);
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void aProvinceHoldsTheEntriesOfEveryCommuneBelowItInCodeOrder() throws IOException {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        List<CSVRecord> rows = csv(exports.entries("96", period));

        assertThat(rows.get(0).toList()).containsExactly("export.entries.communeCode", "export.entries.communeName",
                "export.entries.criterionCode", "export.entries.group", "export.entries.status", "export.entries.value",
                "export.entries.measure", "export.entries.met", "export.entries.explanation",
                "export.entries.lastChangedAt", "export.entries.lastChangedBy");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(2))
                .containsExactly("96101 G1.C1", "96101 G1.C2", "96201 G1.C1", "96201 G1.C2");
        CSVRecord saved = rows.get(2);
        assertThat(saved.toList().subList(1, 10)).containsExactly("Xã Một", "G1.C2", "G1", "entry.status.DRAFT",
                "18/20", "90.00", "entry.met.yes", "'=HYPERLINK(\"x\")", saved.get(9));
        assertThat(saved.get(9)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(saved.get(10)).isEqualTo("t.xa96101");
        assertThat(rows.get(1).toList().subList(4, 8)).containsExactly("entry.status.NOT_STARTED", "", "", "");
    }

    @Test
    void aDistrictHoldsOnlyItsOwnCommunes() throws IOException {
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);

        assertThat(dataRows(exports.entries("961", period))).extracting(row -> row.get(0))
                .containsExactly("96101", "96101");
    }

    @Test
    void aUnitOutsideTheScopeAndTheWholeCountryDoNotExistForOthers() {
        loginAs("t.xa96102", Role.COMMUNE_STAFF);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> exports.entries("961", period));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> exports.nationalEntries(period));
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> exports.entries("96101", period));
    }

    @Test
    void aSelectionIsCheckedAgainWhenItIsWritten() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        EntrySelection selection = exports.entries("96", period);
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> csv(selection));
    }

    @Test
    void administratorsExportTheWholeCountry() throws IOException {
        loginAs("admin", Role.ADMIN);

        assertThat(dataRows(exports.nationalEntries(period))).extracting(row -> row.get(0))
                .containsExactly("96101", "96101", "96201", "96201");
    }

    /**
     * The points as kept, to two decimals, on a version that shows one: rounded each, a column of them added up to
     * more or less than the total the completion sheet gives.
     */
    @Test
    void aPointsScorecardAddsEachCriterionsPointsAsKept() throws IOException {
        List<CSVRecord> rows = parse(scorecard(new ScoreSettings(ScoreDisplay.POINTS, 1, null)));

        assertThat(rows.get(0).toList()).containsSubsequence("export.scorecard.met", "export.scorecard.points",
                "export.scorecard.verifiedPoints", "export.scorecard.claimedPoints", "export.scorecard.maximum",
                "export.scorecard.evidence");
        assertThat(rows.get(1).toList().subList(12, 17)).containsExactly("38.25", "38.25", "38.25", "40", "2");
    }

    @Test
    void aCriterionsPointsStandInTheVerifiedAndClaimedColumnsOnlyWhereTheyCount() throws IOException {
        List<CSVRecord> rows = parse(scorecard(new ScoreSettings(ScoreDisplay.POINTS, 1, null)));

        assertThat(rows.subList(1, 4)).extracting(row -> String.join("|", row.toList().subList(7, 16)))
                .containsExactly("entry.status.APPROVED|19/25|76.00|entry.target.AT_LEAST|entry.met.no|38.25|38.25|38.25|40",
                        "entry.status.SUBMITTED|19/25|76.00|entry.target.AT_LEAST|entry.met.no|38.25||38.25|40",
                        "entry.status.DRAFT|19/25|76.00|entry.target.AT_LEAST|entry.met.no|38.25|||40");
    }

    @Test
    void aPercentScorecardKeepsItsColumns() throws IOException {
        List<CSVRecord> rows = parse(scorecard(ScoreSettings.PERCENT));

        assertThat(rows.get(0).toList()).containsExactly("export.scorecard.communeCode",
                "export.scorecard.communeName", "export.scorecard.period", "export.scorecard.groupCode",
                "export.scorecard.groupName", "export.scorecard.criterionCode", "export.scorecard.criterionName",
                "export.scorecard.status", "export.scorecard.value", "export.scorecard.measure",
                "export.scorecard.target", "export.scorecard.met", "export.scorecard.evidence",
                "export.scorecard.lastChangedAt", "export.scorecard.lastChangedBy");
        assertThat(rows.get(1).get(12)).isEqualTo("2");
    }

    @Test
    void aPointsRollupGivesEachCommunesPointsBesideItsPercentages() throws IOException {
        List<CSVRecord> points = parse(rollup(new ScoreSettings(ScoreDisplay.POINTS, 0, null)));
        List<CSVRecord> percent = parse(rollup(ScoreSettings.PERCENT));

        assertThat(points.get(0).toList()).containsExactly("export.rollup.rank", "export.rollup.communeCode",
                "export.rollup.communeName", "export.rollup.parentCode", "export.rollup.parentName",
                "export.rollup.verified", "export.rollup.claimed", "export.rollup.score", "export.rollup.maxScore",
                "export.rollup.groupVerified");
        assertThat(points.get(1).toList()).containsExactly("1", "96101", "Xã Một", "961", "Huyện", "50.5", "62.5",
                "505", "1000", "50.5");
        assertThat(percent.get(0).toList()).doesNotContain("export.rollup.score", "export.rollup.maxScore")
                .hasSize(8);
        assertThat(percent.get(1).toList()).containsExactly("1", "96101", "Xã Một", "961", "Huyện", "50.5", "62.5",
                "50.5");
    }

    @Test
    void aCommuneThatHasNotBegunHasNoFiguresInTheRollupNotZeros() throws IOException {
        List<CSVRecord> points = parse(rollup(new ScoreSettings(ScoreDisplay.POINTS, 0, null)));
        List<CSVRecord> percent = parse(rollup(ScoreSettings.PERCENT));

        assertThat(points.get(2).toList()).containsExactly("", "96102", "Xã Hai", "961", "Huyện", "", "", "", "1000",
                "");
        assertThat(percent.get(2).toList()).containsExactly("", "96102", "Xã Hai", "961", "Huyện", "", "", "");
    }

    private byte[] scorecard(ScoreSettings settings) throws IOException {
        List<CriterionRow> rows = List.of(row("G1.C1", EntryStatus.APPROVED), row("G1.C2", EntryStatus.SUBMITTED),
                row("G1.C3", EntryStatus.DRAFT));
        Completion.Score score = new Completion.Score(new BigDecimal("38.25"), new BigDecimal("38.25"),
                new BigDecimal("40"));
        Percentages percentages = new Percentages(new BigDecimal("95.6"), new BigDecimal("95.6"));
        Scorecard card = new Scorecard("96101", "Xã Một", 1, "Kỳ", LocalDate.of(2031, 12, 15), 10, false,
                percentages, List.of(new GroupCard("G1", new LocalizedText("Nhóm", "Group"), percentages, rows, score)),
                null, settings, score, null, 0, LocalDate.of(2031, 12, 15), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeScorecard(card, ExportFormat.CSV, KEYS, out);
        return out.toByteArray();
    }

    private static CriterionRow row(String code, EntryStatus status) {
        return new CriterionRow(code, new LocalizedText("Một", "One"), MeasurementType.PERCENT, new BigDecimal("80"),
                Comparison.AT_LEAST, "%", status, new EntryValue.Percent(19, 25), false, 2, null, null,
                // The maximum as its column holds it: written as the pages write it, 40.
                new BigDecimal("38.25"), new BigDecimal("40.00"), ScoringMethod.PROPORTIONAL, null, false, false);
    }

    private byte[] rollup(ScoreSettings settings) throws IOException {
        BigDecimal verified = new BigDecimal("50.5");
        Rollup rollup = new Rollup("961", "Huyện", UnitLevel.DISTRICT, null, 1, "Kỳ", 1, verified, verified,
                new BigDecimal("62.5"), 30, 1, List.of(),
                List.of(new GroupAverage("G1", new LocalizedText("Nhóm", "Group"), verified, new BigDecimal("505.20"),
                        new BigDecimal("1000"))),
                List.of(new CommuneFigure(1, "96101", "Xã Một", "961", "Huyện", verified, new BigDecimal("62.5"),
                        Map.of("G1", verified), new BigDecimal("505.20"), new BigDecimal("1000.00"),
                        new BigDecimal("625.00"), true),
                        // Not begun: the rollup holds zeros for it, which count in the averages.
                        new CommuneFigure(null, "96102", "Xã Hai", "961", "Huyện", BigDecimal.ZERO, BigDecimal.ZERO,
                                Map.of("G1", BigDecimal.ZERO), BigDecimal.ZERO, new BigDecimal("1000"),
                                BigDecimal.ZERO, false)),
                List.of(), settings, new BigDecimal("1000"), new BigDecimal("505.20"), new BigDecimal("505.20"),
                new BigDecimal("625.00"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeRollup(rollup, ExportFormat.CSV, KEYS, out);
        return out.toByteArray();
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    private List<CSVRecord> dataRows(EntrySelection selection) throws IOException {
        List<CSVRecord> rows = csv(selection);
        return rows.subList(1, rows.size());
    }

    private List<CSVRecord> csv(EntrySelection selection) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeEntries(selection, ExportFormat.CSV, KEYS, out);
        byte[] bytes = out.toByteArray();
        return CSVFormat.RFC4180.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    private static Labels keys() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        return new Labels(messages, Locale.forLanguageTag("vi"));
    }
}
