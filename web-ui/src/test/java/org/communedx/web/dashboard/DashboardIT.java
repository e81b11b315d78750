package org.communedx.web.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/**
 * The dashboards over the demo data (Hòa Bình, Lạc Sơn and their sample history up to the 2025 reform), and their
 * freshness. After the reform: {@link ReformDemoIT}.
 */
@TrackerIntegrationTest
class DashboardIT {

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theProvinceDashboardShowsItsDistrictsHeatmapPlansAndTheSampleLabel() {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        WebClient manager = new WebClient(port).login("tinh.hoabinh", PASSWORD);

        String page = manager.get("/units/17/dashboard?period=" + year2025).body();

        assertThat(page).contains("Bảng điều khiển Tỉnh Hòa Bình", "Dữ liệu mẫu")
                .contains("href=\"/units/157/dashboard?period=" + year2025 + "&amp;threshold=30\">Huyện Lạc Sơn</a>")
                .contains("href=\"/communes/05305/periods/" + year2025 + "\">Xã Yên Phú</a>")
                .contains("Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025")
                .as("the 2026 plan is the new Tỉnh Phú Thọ's")
                .doesNotContain("Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026")
                .as("the Lạc Sơn plan is judged on its deadline").containsPattern("kế hoạch (không )?đạt mục tiêu vào ngày hết hạn")
                .containsPattern("class=\"text-center heat heat-\\d+\"")
                .contains("id=\"trend-table\"", "id=\"distribution-table\"", "id=\"groups-table\"");
        assertThat(figure(page, "figure-communes")).isEqualTo("28");
        assertThat(page).as("a column's sort comes back to the ranking, not the top of the page")
                .contains("sort=name#ranking-heading\"", "sort=rank#ranking-heading\"");
        assertThat(figure(page, "figure-average")).as("the sample history approved work in 2025")
                .matches("[1-9]\\d?,\\d%");
        String lowest = manager.get("/units/17/dashboard?period=" + year2025 + "&sort=lowest").body();
        assertThat(lowest).as("sorted lowest first").containsPattern("<td data-label=\"[^\"]*\">\\d+</td>");
        assertThat(lowest).as("another period or threshold keeps the order")
                .contains("<input type=\"hidden\" name=\"sort\" value=\"lowest\">");
        assertThat(page).doesNotContain("name=\"sort\"");
    }

    /**
     * Down to a district and back up by the breadcrumb, the manager's dashboard keeps the period and the threshold
     * chosen: it went back to the latest period and 30%.
     */
    @Test
    void theBreadcrumbBackFromADistrictKeepsThePeriodAndTheThreshold() {
        long year2024 = periods.findByName("Năm 2024").orElseThrow().getId();
        WebClient manager = new WebClient(port).login("tinh.hoabinh", PASSWORD);

        String district = manager.get("/units/157/dashboard?period=" + year2024 + "&threshold=25").body();
        assertThat(district).contains("href=\"/dashboard?period=" + year2024 + "&amp;threshold=25\">Bảng điều khiển</a>");
        assertThat(manager.get("/communes/05305/periods/" + year2024).body()).as("the scorecard's way back up")
                .contains("id=\"scorecard-breadcrumb\"", "href=\"/dashboard?period=" + year2024 + "\">Bảng điều khiển</a>");
        assertThat(new WebClient(port).login("xa.yenphu", PASSWORD).get("/communes/05305/periods/" + year2024).body())
                .as("commune staff have no dashboard").doesNotContain("id=\"scorecard-breadcrumb\"");
        HttpResponse<String> back = manager.get("/dashboard?period=" + year2024 + "&threshold=25");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow())
                .endsWith("/units/17/dashboard?period=" + year2024 + "&threshold=25");
    }

    /**
     * The Lạc Sơn plan runs 2023–2025 and is scored on Năm 2025: the 2023 dashboard names it, and where it is scored,
     * instead of saying that the area has no plan. The country's dashboard of 2023 shows no plan of 2026 beside 2023's
     * figures, as a province's does not.
     */
    @Test
    void aDashboardNamesThePlansScoredOnAnotherPeriod() {
        long year2023 = periods.findByName("Năm 2023").orElseThrow().getId();
        String page = new WebClient(port).login("tinh.hoabinh", PASSWORD).get("/units/17/dashboard?period=" + year2023)
                .body();
        assertThat(page).contains("id=\"plans-elsewhere\"", "Kế hoạch của địa bàn được chấm theo kỳ khác",
                "Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025</a>", "(chấm theo kỳ Năm 2025)")
                .doesNotContain("Chưa có kế hoạch nào cho địa bàn này.");

        String national = new WebClient(port).login("admin", PASSWORD).get("/dashboard/national?period=" + year2023)
                .body();
        assertThat(national).as("2026's plan, not beside 2023's figures").contains("id=\"plans-elsewhere\"")
                .doesNotContainPattern("card-title\">\\s*<a href=\"/plans/\\d+\">Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ");
    }

    @Test
    void anApprovalShowsOnTheVeryNextRequestOfTheDashboardAndItsCharts() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        long entry = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");
        EntryPages.submit(staff, entry);
        String before = reviewer.get("/units/157/dashboard?period=" + period).body();
        assertThat(before).contains("Bảng điều khiển Huyện Lạc Sơn", "Chờ duyệt");
        assertThat(figure(before, "figure-average")).isEqualTo("0,0%");

        post(reviewer, entry, "approve", "version=" + version(reviewer, entry));

        String after = reviewer.get("/units/157/dashboard?period=" + period).body();
        assertThat(figure(after, "figure-average")).as("one of 24 communes at 25%").isEqualTo("1,0%");
        assertThat(figure(after, "figure-above")).as("a count of communes, never a fraction or a day")
                .matches("\\d+ trong 24 xã");
        assertThat(reviewer.get("/api/v1/units/157/charts?periodId=" + period, "application/json").body())
                .contains("\"groups\":{\"labels\":[\"G1 Nhóm một\",\"G2 Nhóm hai\"],\"values\":[2.1,0.0]}")
                .as("the trend's days as every page writes them")
                .containsPattern("\"trend\":\\{\"labels\":\\[\"\\d{2}/\\d{2}/\\d{4}\"")
                .doesNotContainPattern("\"\\d{4}-\\d{2}-\\d{2}\"");
        // The page's own script, from a browser set to English, gets the page's language (the account's here), not
        // the browser's: the charts of a Vietnamese page were labelled in English.
        assertThat(reviewer.send(reviewer.request("/api/v1/units/157/charts?periodId=" + period)
                .header("Accept", "application/json").header("Accept-Language", "en-US,en;q=0.9").GET().build()).body())
                .contains("\"labels\":[\"G1 Nhóm một\",\"G2 Nhóm hai\"]");
        String explain = "/communes/05305/periods/" + period + "/explain";
        assertThat(after).as("the ranking's figure explains itself").contains("href=\"" + explain + "\"",
                "aria-label=\"Vì sao Xã Yên Phú đạt 25,0%?\"");
        assertThat(reviewer.get(explain).body())
                .contains("Tổng trọng số được tính 1,00 / tổng trọng số áp dụng 4,00 = 25,0%",
                        "Được tính", "Không tính: chưa nhập")
                .as("criteria nobody entered are not entered, not unmet")
                .doesNotContain("Không tính: giá trị chưa được điểm nào");

        // A draft that earns points counts in neither figure: it is not submitted, in the claimed column too.
        EntryPages.saveFirst(staff, "05305", period, "G1.C1", "numerator=1&denominator=1");
        String draft = reviewer.get(explain).body();
        assertThat(draft.substring(draft.indexOf("G1.C1"))).containsPattern(
                "Không tính: chưa gửi duyệt</td>\\s*<td[^>]*>Không tính: chưa gửi duyệt</td>");
    }

    /** "period" was the id here and the year on the progress API, so that period=2026 found nothing. */
    @Test
    void chartsNameAPeriodByYearAsTheProgressApiDoes() {
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);
        String progress = manager.get("/api/v1/units/25/progress?period=2026", "application/json").body();
        Matcher id = Pattern.compile("\"periodId\":(\\d+)").matcher(progress);
        assertThat(id.find()).isTrue();

        HttpResponse<String> byYear = manager.get("/api/v1/units/25/charts?period=2026", "application/json");
        assertThat(byYear.statusCode()).isEqualTo(200);
        assertThat(byYear.body()).isEqualTo(
                manager.get("/api/v1/units/25/charts?periodId=" + id.group(1), "application/json").body());
        assertThat(manager.get("/api/v1/units/25/charts?period=2099", "application/json").statusCode())
                .isEqualTo(404);
        for (String threshold : new String[] { "-5", "101" }) {
            HttpResponse<String> outOfRange = manager.get("/api/v1/units/25/charts?period=2026&threshold=" + threshold,
                    "application/json");
            assertThat(outOfRange.statusCode()).as(threshold).isEqualTo(400);
            assertThat(outOfRange.body()).as(threshold).contains("\"code\":\"api.refused.parameter\"",
                    "Tham số threshold thiếu hoặc không hợp lệ.");
        }
    }

    /**
     * A threshold chosen on the dashboard reaches the report, its PDF and the rollup files it links to: they had
     * counted the communes at 30% beside a page that counted them at the threshold shown.
     */
    @Test
    void theReportAndFilesCountAtTheDashboardsThreshold() throws IOException {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        WebClient manager = new WebClient(port).login("tinh.hoabinh", PASSWORD);
        String dashboard = "/units/17/dashboard?period=" + year2025;
        String atTen = figure(manager.get(dashboard + "&threshold=10").body(), "figure-above");
        assertThat(atTen).as("a threshold that counts other communes than 30% does")
                .isNotEqualTo(figure(manager.get(dashboard).body(), "figure-above"));
        String communes = atTen.replaceAll(" .*", "");

        String page = manager.get(dashboard + "&threshold=10").body();
        String base = "/units/17/periods/" + year2025;
        for (String link : List.of("/report", "/report.pdf", "/rollup.xlsx", "/rollup.csv")) {
            assertThat(page).as(link).contains("href=\"" + base + link + "?threshold=10\"");
        }
        String report = manager.get(base + "/report?threshold=10").body();
        assertThat(report).as("back to the dashboard it came from").contains("href=\"/units/17/dashboard?period="
                + year2025 + "&amp;threshold=10\"");
        assertThat(report).containsPattern("id=\"report-threshold\"[^>]*>Số xã đạt từ 10% trở lên[^<]*</th><td>"
                + communes + "</td>").contains("href=\"" + base + "/report.pdf?threshold=10\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                manager.download(base + "/rollup.xlsx?threshold=10").body()))) {
            List<String> totals = new ArrayList<>();
            workbook.getSheet("Tổng hợp").forEach(row -> totals.add(row.getCell(0).getStringCellValue() + "|"
                    + new DataFormatter().formatCellValue(row.getCell(1))));
            assertThat(totals).contains("Số xã đạt từ 10% trở lên|" + communes);
        }
    }

    @Test
    void communeStaffReachNoDashboardButTheirScorecard() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);

        assertThat(staff.get("/units/17/dashboard").statusCode()).isEqualTo(404);
        assertThat(staff.get("/units/157/dashboard").statusCode()).isEqualTo(404);
        HttpResponse<String> home = staff.get("/dashboard");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/"));
    }

    @Test
    void aDistrictOfficialStartsOnTheDistrictDashboard() {
        HttpResponse<String> home = new WebClient(port).login("huyen.lacson", PASSWORD).get("/dashboard");

        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/units/157/dashboard"));
    }

    @Test
    void aDistrictCodeHasADashboardButNoScorecard() {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        WebClient manager = new WebClient(port).login("tinh.hoabinh", PASSWORD);

        assertThat(manager.get("/communes/157/periods/" + year2025).statusCode()).isEqualTo(404);
        assertThat(manager.get("/units/157/dashboard?period=" + year2025).statusCode()).isEqualTo(200);
    }

    private static String figure(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">\\s*([^<]+?)\\s*</dd>").matcher(page);
        assertThat(matcher.find()).as(id + " on the page").isTrue();
        return matcher.group(1);
    }
}
