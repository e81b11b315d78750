package org.communedx.web.scorecard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.period.PlanTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * A period on a points version: its scorecard, explanation, dashboards and ranking write points out of the maximum, its
 * exports gain points columns, its reports and plans write points too, and a percent version (DX-XA 1.0) exports
 * exactly the columns it always had.
 */
@TrackerIntegrationTest
class PointsFiguresIT {

    private static final Instant AT = Instant.parse("2031-03-01T03:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    @Autowired
    PlanRepository plans;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    AssessmentRepository assessments;

    @Autowired
    ProgressLedger ledger;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    long plan;

    String commune;

    String parent;

    WebClient admin;

    /**
     * A commune of 2031 on a 1,000-point index: 380 + 125 verified, 120 more claimed; a plan over it of 40% (400
     * points) by 1 December 2031.
     */
    @BeforeEach
    void aPointsPeriodWithValuesAndAPlan() {
        period = transaction.execute(status -> {
            Framework framework = Framework.draft("IT-PTX", "1", new LocalizedText("Chỉ số thử", "Test index"));
            framework.changeScoreSettings(new ScoreSettings(ScoreDisplay.POINTS, 2, new BigDecimal("1000")));
            CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm một", "Group one"));
            group.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, "80", "400", ScoringRule.PROPORTIONAL));
            group.addCriterion(criterion("G1.C2", MeasurementType.PERCENT, "100", "350", ScoringRule.steps(List.of(
                    new ScoreStep(BigDecimal.ZERO, new BigDecimal("50"), BigDecimal.ZERO),
                    new ScoreStep(new BigDecimal("50"), new BigDecimal("80"), new BigDecimal("125")),
                    new ScoreStep(new BigDecimal("80"), null, new BigDecimal("350"))))));
            group.addCriterion(criterion("G1.C3", MeasurementType.LEVEL, "3", "250", ScoringRule.levels(
                    BigDecimal.ZERO, new BigDecimal("50"), new BigDecimal("120"), new BigDecimal("250"))));
            framework.publish(AT);
            frameworks.save(framework);
            Period saved = periods.save(new Period(new PeriodTerms("Chỉ số thử xuất 2031", 2031,
                    LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31), LocalDate.of(2031, 12, 15)), framework));
            AdministrativeUnit unit = units.findAllValidOn(LocalDate.of(2031, 1, 1)).stream()
                    .filter(candidate -> candidate.getLevel() == UnitLevel.COMMUNE).findFirst().orElseThrow();
            commune = unit.getCode();
            parent = unit.getParent().getCode();
            Assessment assessment = Assessment.open(unit, saved, AT);
            approve(assessment.getEntries().get(0), new EntryValue.Percent(19, 25));
            approve(assessment.getEntries().get(1), new EntryValue.Percent(3, 5));
            CriterionEntry level = assessment.getEntries().get(2);
            level.saveValue(new EntryValue.Level(2), null, "xa.annghia", AT);
            level.submit(1, "xa.annghia", AT);
            assessments.save(assessment);
            plan = plans.save(new Plan(new PlanTerms("Kế hoạch thử điểm", 40, 1, LocalDate.of(2031, 1, 1),
                    LocalDate.of(2031, 12, 1)), unit.getParent(), List.of(unit), List.of())).getId();
            return saved.getId();
        });
        ledger.rebuildPeriod(period, LocalDate.of(2031, 3, 1));
        admin = new WebClient(port).login("admin", PASSWORD);
    }

    @AfterEach
    void removeIt() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from plan where id = ?", plan);
            jdbc.update("delete from assessment where period_id = ?", period);
            jdbc.update("delete from period where id = ?", period);
            jdbc.update("delete from framework where code = 'IT-PTX'");
        });
    }

    @Test
    void theScorecardExplanationAndDashboardShowPointsOutOfTheMaximum() {
        String scorecard = "/communes/" + commune + "/periods/" + period;

        assertThat(admin.get(scorecard).body()).contains("380,00 / 400 điểm", "125,00 / 350 điểm",
                "120,00 / 250 điểm", "505,00 / 1.000 điểm", "625,00 / 1.000 điểm");
        assertThat(admin.get(scorecard + "/explain").body()).contains(
                "Điểm được tính 505,00 / điểm tối đa của các tiêu chí áp dụng 1.000,00 = 50,5%",
                "Chưa đạt chỉ tiêu: điểm tối đa nhân với tỷ lệ đạt so với chỉ tiêu",
                "Giá trị thuộc bậc từ 50 đến dưới 80: điểm của bậc đó", "Mức 2: điểm của mức đó");
        assertThat(admin.get("/dashboard/national?period=" + period).body()).contains("505,00 / 1.000 điểm");
        assertThat(admin.get("/units/25/periods/" + period + "/ranking").body())
                .as("the province's ranking writes its scale as the language does").contains("trên thang 1.000 điểm");
        assertThat(new WebClient(port).login("admin", PASSWORD).get(scorecard + "?lang=en").body())
                .contains("505.00 / 1,000 points");
    }

    /**
     * The dashboard's charts draw the figures of the tables beside them: on a points version the groups' averaged
     * points as a share of their maximum, also where a commune has a criterion not applicable. Its own percent is then
     * of a smaller maximum, and the communes' percentages averaged drew another figure than the table's.
     */
    @Test
    void theChartsDrawThePointsTheTablesShow() throws IOException {
        String[] otherCode = new String[1];
        transaction.executeWithoutResult(status -> {
            AdministrativeUnit other = units.findAllValidOn(LocalDate.of(2031, 1, 1)).stream()
                    .filter(candidate -> candidate.getLevel() == UnitLevel.COMMUNE
                            && !candidate.getCode().equals(commune) && candidate.getParent().getCode().equals(parent))
                    .findFirst().orElseThrow();
            otherCode[0] = other.getCode();
            Assessment assessment = Assessment.open(other, periods.findById(period).orElseThrow(), AT);
            approve(assessment.getEntries().get(0), new EntryValue.Percent(19, 25));
            CriterionEntry level = assessment.getEntries().get(2);
            level.requestNotApplicable("Xã không có bộ phận này", "xa.annghia", AT);
            level.approveNotApplicable("huyen.lacson", AT);
            assessments.save(assessment);
        });
        ledger.rebuildPeriod(period, LocalDate.of(2031, 3, 1));

        JsonNode progress = JSON.readTree(admin.get("/api/v1/units/" + parent + "/progress?periodId=" + period,
                "application/json").body());
        BigDecimal table = progress.get("averageScore").decimalValue().multiply(BigDecimal.valueOf(100))
                .divide(progress.get("maxScore").decimalValue(), 1, RoundingMode.HALF_UP);
        JsonNode charts = JSON.readTree(admin.get("/api/v1/units/" + parent + "/charts?periodId=" + period,
                "application/json").body());

        assertThat(charts.get("groups").get("values").get(0).decimalValue()).as("the one group is the whole")
                .isEqualByComparingTo(table);
        assertThat(table).as("the communes' own percentages averaged differ here")
                .isNotEqualByComparingTo(progress.get("averageVerifiedPercent").decimalValue());
        // The rollup file's group percentage is the chart's too: it had averaged the communes' own percentages.
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.download("/units/" + parent + "/periods/" + period + "/rollup.xlsx").body()))) {
            List<String> totals = new ArrayList<>();
            workbook.getSheet("Tổng hợp").forEach(row -> totals.add(text(row)));
            assertThat(totals).contains("Trung bình đã xác nhận G1. Nhóm một (%)|" + table.doubleValue());
        }
        // A criterion approved as not applicable has left the maximum: its row says so, and the file's maxima add up
        // to the commune's, as its completion sheet gives it.
        String base = "/communes/" + otherCode[0] + "/periods/" + period;
        assertThat(lines(admin.download(base + "/export.csv").body()).get(3)).contains(",G1.C3,", ",Không áp dụng,")
                .containsPattern(",0\\.00,,,,0,");
        assertThat(admin.get(base).body()).contains("0,00 / 250 điểm (không áp dụng, không tính)");
        assertThat(admin.get(base + "/explain").body()).as("and on the page that explains the figure")
                .contains("250,00 (không áp dụng, không tính)");
    }

    /**
     * A draft's value earns its points only once submitted: its row says so, beside counted ones that do not; and on
     * A4 the note wraps under the points: kept on their line, it had pushed the column past the right margin, where
     * the PDF cut it off.
     */
    @Test
    void aDraftsPointsAreMarkedAsNotYetInTheTotals() throws IOException {
        jdbc.update("""
                update criterion_entry set status = 'DRAFT' where status = 'SUBMITTED'
                    and assessment_id in (select id from assessment where period_id = ?)""", period);
        // Names as long as a province index's, which leave the other columns little room.
        jdbc.update("""
                update criterion set name_vi = 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa, tái sử dụng kết quả số '
                    || 'hóa và giải quyết trực tuyến toàn trình trên Cổng dịch vụ công quốc gia'
                where group_id in (select g.id from criterion_group g join framework f on f.id = g.framework_id
                    where f.code = 'IT-PTX')""");

        String scorecard = "/communes/" + commune + "/periods/" + period;

        for (String page : List.of(scorecard, scorecard + "/report")) {
            assertThat(admin.get(page).body().replaceAll("<[^>]*>", "").replaceAll("\\s+", " ")).as(page)
                    .contains("120,00 / 250 điểm (chưa tính vào tổng)", " 380,00 / 400 điểm ")
                    .doesNotContain("380,00 / 400 điểm (chưa tính");
        }
        try (PDDocument document = Loader.loadPDF(admin.download(scorecard + "/report.pdf").body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("120,00 / 250 điểm (chưa tính vào tổng)");
            assertThat(pastTheRightMargin(document)).as("text past the right margin, cut off").isEmpty();
        }
    }

    /**
     * The words of a report PDF that run past the right margin (report.css's {@code @page}: 15 mm), where the
     * renderer clips them: "43,91 / 50 đ".
     */
    private static List<String> pastTheRightMargin(PDDocument document) throws IOException {
        float margin = 15 / 25.4f * 72;
        List<String> past = new ArrayList<>();
        new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs) {
                if (glyphs.stream().anyMatch(glyph -> glyph.getXDirAdj() + glyph.getWidthDirAdj()
                        > glyph.getPageWidth() - margin + 1)) {
                    past.add(text);
                }
            }
        }.getText(document);
        return past;
    }

    @Test
    void theCommuneScorecardExportsGainEachCriterionsPointsAndMaximum() throws IOException {
        String base = "/communes/" + commune + "/periods/" + period;

        List<String> csv = lines(admin.download(base + "/export.csv").body());
        assertThat(csv.get(0)).isEqualTo("Mã xã,Tên xã,Kỳ đánh giá,Mã nhóm,Nhóm tiêu chí,Mã tiêu chí,Tiêu chí,"
                + "Trạng thái,Giá trị,Giá trị đo,Chỉ tiêu,Đạt chỉ tiêu,Điểm theo giá trị,Điểm đã xác nhận,Điểm kê khai,"
                + "Điểm tối đa,Số minh chứng,Thay đổi lúc,Người thay đổi");
        assertThat(csv.get(1)).contains(",G1.C1,").containsPattern(",380\\.00,380\\.00,380\\.00,400(\\.0+)?,0,");
        assertThat(csv.get(2)).contains(",G1.C2,").containsPattern(",125\\.00,125\\.00,125\\.00,350(\\.0+)?,0,");
        assertThat(csv.get(3)).contains(",G1.C3,").containsPattern(",120\\.00,,120\\.00,250(\\.0+)?,0,")
                .as("submitted, not yet verified").contains(",Đã gửi,");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.download(base + "/export.xlsx").body()))) {
            assertThat(text(workbook.getSheet("Tiêu chí").getRow(0))).contains(
                    "|Đạt chỉ tiêu|Điểm theo giá trị|Điểm đã xác nhận|Điểm kê khai|Điểm tối đa|");
            assertThat(text(workbook.getSheet("Mức hoàn thành").getRow(0))).isEqualTo(
                    "Mã nhóm|Nhóm tiêu chí|Đã xác nhận (%)|Kê khai (%)|Điểm đã xác nhận|Điểm kê khai|Điểm tối đa");
            assertThat(text(workbook.getSheet("Mức hoàn thành").getRow(2))).isEqualTo(
                    "|Toàn bộ bộ tiêu chí|50.5|62.5|505.0|625.0|1000.0");
        }
    }

    @Test
    void theRollupExportGivesEachCommunesPointsBesideThePercentages() throws IOException {
        String base = "/units/" + parent + "/periods/" + period;

        List<String> csv = lines(admin.download(base + "/rollup.csv").body());
        assertThat(csv.get(0)).isEqualTo("Hạng,Mã xã,Tên xã,Mã đơn vị cấp trên,Đơn vị cấp trên,Đã xác nhận (%),"
                + "Kê khai (%),Điểm đã xác nhận,Điểm tối đa,Đã xác nhận G1 (%)");
        assertThat(csv.get(1)).startsWith("1," + commune + ",").endsWith(",50.5,62.5,505.00,1000,50.5");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.download(base + "/rollup.xlsx").body()))) {
            List<String> totals = new ArrayList<>();
            workbook.getSheet("Tổng hợp").forEach(row -> totals.add(text(row)));
            assertThat(totals).contains("Điểm tối đa của bộ tiêu chí|1000.0",
                    "Điểm trung bình đã xác nhận|" + average(csv.size() - 1).doubleValue(),
                    "Điểm trung bình đã xác nhận G1. Nhóm một (trên 1.000 điểm)|"
                            + average(csv.size() - 1).doubleValue());
        }
    }

    @Test
    void reportsDashboardAndPlansWritePointsOutOfTheMaximum() throws IOException {
        String scorecard = "/communes/" + commune + "/periods/" + period;

        String report = admin.get(scorecard + "/report").body();
        assertThat(report).contains("505,00 / 1.000 điểm", "625,00 / 1.000 điểm", "380,00 / 400 điểm",
                "Kế hoạch thử điểm: 40% điểm tối đa = 400,00 / 1.000 điểm, hạn 01/12/2031.",
                "làm tròn đến hai chữ số thập phân");
        try (PDDocument document = Loader.loadPDF(admin.download(scorecard + "/report.pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("505,00 / 1.000 điểm");
        }

        String dashboard = admin.get("/units/" + parent + "/dashboard?period=" + period).body();
        int communes = Integer.parseInt(matching(dashboard, "id=\"figure-communes\">(\\d+)<"));
        String average = vietnamese(average(communes)) + " / 1.000 điểm";
        assertThat(dashboard).containsPattern("id=\"figure-average\">\\s*" + Pattern.quote(average));
        assertThat(dashboard).contains("Điểm trung bình đã xác nhận",
                "Số xã đạt từ 30% điểm tối đa (300,00 điểm) trở lên",
                "Từ 50% đến dưới 60% điểm tối đa (500,00 đến dưới 600,00 điểm)",
                "505,00 / 1.000 điểm", "625,00 / 1.000 điểm", "tính bằng % điểm tối đa của nhóm",
                "trên điểm tối đa của riêng xã, tức của các tiêu chí áp dụng cho xã (1.000 điểm khi mọi tiêu chí");
        assertThat(admin.get("/units/" + parent + "/periods/" + period + "/report").body())
                .contains("Điểm trung bình đã xác nhận", average, "Điểm đã xác nhận (thang điểm 1.000)");

        assertThat(admin.get(scorecard).body()).contains(
                "Mục tiêu của Kế hoạch thử điểm: 40% điểm tối đa = 400,00 / 1.000 điểm",
                "điểm hiển thị làm tròn đến hai chữ số thập phân").doesNotContain("40% hoàn thành");
        assertThat(admin.get("/plans/" + plan).body()).contains(
                "Mục tiêu: ít nhất 40% điểm tối đa = 400,00 / 1.000 điểm ở ít nhất 1 trong 1 xã",
                "Đạt 40% điểm tối đa?");
    }

    @Test
    void inEnglishThePointsReadAsEnglishWritesNumbers() {
        WebClient english = new WebClient(port).login("admin", PASSWORD);
        english.get("/account?lang=en");

        assertThat(english.get("/communes/" + commune + "/periods/" + period).body()).contains(
                "Target of Kế hoạch thử điểm: 40% of the maximum = 400.00 / 1,000 points",
                "points are shown rounded half up to two decimals");
        assertThat(english.get("/units/" + parent + "/dashboard?period=" + period).body()).contains(
                "Average verified points", "Communes at 30% of the maximum (300.00 points) or more");
        assertThat(lines(english.download("/units/" + parent + "/periods/" + period + "/rollup.csv").body()).get(0))
                .contains(",Claimed (%),Verified points,Maximum points,");
    }

    @Test
    void aPercentVersionExportsTheColumnsItAlwaysHad() throws IOException {
        long dxXa = periods.findByName("Năm 2025").orElseThrow().getId();

        List<String> csv = lines(admin.download("/communes/05305/periods/" + dxXa + "/export.csv").body());
        assertThat(csv.get(0)).isEqualTo("Mã xã,Tên xã,Kỳ đánh giá,Mã nhóm,Nhóm tiêu chí,Mã tiêu chí,Tiêu chí,"
                + "Trạng thái,Giá trị,Giá trị đo,Chỉ tiêu,Đạt chỉ tiêu,Số minh chứng,Thay đổi lúc,Người thay đổi");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.download("/communes/05305/periods/" + dxXa + "/export.xlsx").body()))) {
            assertThat(text(workbook.getSheet("Mức hoàn thành").getRow(0)))
                    .isEqualTo("Mã nhóm|Nhóm tiêu chí|Đã xác nhận (%)|Kê khai (%)");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.download("/units/157/periods/" + dxXa + "/rollup.xlsx").body()))) {
            List<String> totals = new ArrayList<>();
            workbook.getSheet("Tổng hợp").forEach(row -> totals.add(text(row)));
            assertThat(totals).noneMatch(row -> row.startsWith("Điểm"));
        }
        assertThat(admin.get("/units/157/dashboard?period=" + dxXa).body()).contains("Trung bình đã xác nhận")
                .doesNotContain("Điểm trung bình", "% điểm tối đa)");
        assertThat(admin.get("/units/157/periods/" + dxXa + "/report").body()).doesNotContain("Điểm trung bình");
    }

    /** The communes' average verified points: this commune's 505, the others' none. */
    private static BigDecimal average(int communes) {
        return new BigDecimal("505.00").divide(BigDecimal.valueOf(communes), 2, RoundingMode.HALF_UP);
    }

    private static String vietnamese(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        return format.format(value);
    }

    private static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    private static void approve(CriterionEntry entry, EntryValue value) {
        entry.saveValue(value, null, "xa.annghia", AT);
        entry.submit(1, "xa.annghia", AT);
        entry.approve("huyen.lacson", AT);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, String target, String maximum,
            ScoringRule rule) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, new BigDecimal(target),
                Comparison.AT_LEAST, null, new BigDecimal(maximum), rule, null, false);
    }

    private static List<String> lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().map(line -> line.replace("\uFEFF", "")).toList();
    }

    private static String text(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            var cell = row.getCell(i);
            cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return String.join("|", cells);
    }
}
