package org.communedx.web.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * The demo after the 2025 reform: Hòa Bình, Lạc Sơn and Kim Bôi until 30 June 2025, then the new Tỉnh Phú Thọ (25)
 * and the communes formed from theirs, whose pages show the history of those they were formed from; the 2026 period
 * belongs to the new communes and is reviewed at the province.
 */
@TrackerIntegrationTest
class ReformDemoIT {

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    /**
     * A period that begins in a later month has no trend yet: the dashboard says so, not an empty chart and table, and
     * that what communes entered ahead of it still counts: "nothing to draw" had stood beside approved points.
     */
    @Test
    void aPeriodNotBegunSaysItHasNoTrendYet() {
        long later = new EntryPages(frameworks, periods, transaction).newPeriod(2098, LocalDate.of(2098, 12, 1));
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);

        assertThat(manager.get("/units/25/dashboard?period=" + later).body())
                .contains("id=\"trend-empty\"", "Kỳ đánh giá này chưa bắt đầu: diễn biến được vẽ từ tháng đầu tiên của kỳ."
                        + " Số liệu các xã đã nhập trước, ở trên, vẫn được tính.").doesNotContain("id=\"trend-table\"");
        assertThat(manager.get("/units/25/dashboard?period=" + period("Năm 2026")).body())
                .contains("id=\"trend-table\"").doesNotContain("id=\"trend-empty\"");
    }

    @Test
    void theNewProvincesManagerStartsOnItsDashboardWithItsCommunesAndItsPlan() {
        long year2026 = period("Năm 2026");
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);

        HttpResponse<String> home = manager.get("/dashboard");
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/units/25/dashboard"));
        String page = manager.get("/units/25/dashboard").body();

        assertThat(page).contains("Bảng điều khiển Tỉnh Phú Thọ", "Dữ liệu mẫu",
                        "Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026")
                .contains("href=\"/communes/05287/periods/" + year2026 + "\">Xã Mường Vang</a>",
                        "href=\"/communes/05305/periods/" + year2026 + "\">Xã Yên Phú</a>",
                        "href=\"/communes/05347/periods/" + year2026 + "\">Xã Đại Đồng</a>",
                        "href=\"/communes/05425/periods/" + year2026 + "\">Xã An Bình</a>")
                .as("no district after the reform").doesNotContain("/units/157/dashboard", "Huyện Lạc Sơn")
                .doesNotContain("id=\"formed-on\"");
        assertThat(figure(page, "figure-communes")).as("twelve communes formed from the demo's 28").isEqualTo("12");
        String rollup = new String(manager.download("/units/25/periods/" + year2026 + "/rollup.csv").body(),
                StandardCharsets.UTF_8);
        assertThat(rollup.lines()).hasSize(13).anySatisfy(row -> assertThat(row)
                .as("ranked once it has begun").matches("(\\d+|\"\"),05305,Xã Yên Phú,25,Tỉnh Phú Thọ,.*"));
    }

    @Test
    void beforeTheReformTheNewProvinceShowsTheCommunesItWasFormedFrom() throws java.io.IOException {
        long year2024 = period("Năm 2024");
        String phuTho = new WebClient(port).login("tinh.phutho", PASSWORD)
                .get("/units/25/dashboard?period=" + year2024).body();
        String hoaBinh = new WebClient(port).login("tinh.hoabinh", PASSWORD)
                .get("/units/17/dashboard?period=" + year2024).body();

        assertThat(phuTho).contains("id=\"formed-on\"", "Xã Xuất Hóa", "Xã Bình Hẻm", "Xã Ân Nghĩa");
        assertThat(new WebClient(port).login("tinh.phutho", PASSWORD)
                .get("/units/25/periods/" + period("Năm 2025") + "/report").body())
                .as("the report of a period it was formed within says it as the dashboard does")
                .contains("id=\"report-formed-on\"", "Tỉnh Phú Thọ được thành lập ngày 01/07/2025");
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);
        String ranking = "/units/25/periods/" + period("Năm 2025") + "/ranking";
        assertThat(manager.get(ranking).body()).as("and the ranking").contains("id=\"formed-on\"",
                "Tỉnh Phú Thọ được thành lập ngày 01/07/2025");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                manager.download(ranking + ".pdf").body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .as("and its PDF").contains("Tỉnh Phú Thọ được thành lập ngày 01/07/2025");
        }
        assertThat(figure(phuTho, "figure-communes")).isEqualTo("28");
        assertThat(figure(phuTho, "figure-average")).as("the same communes as Hòa Bình's, the same figure")
                .isEqualTo(figure(hoaBinh, "figure-average")).matches("[1-9]\\d?,\\d%");
    }

    /**
     * Beside 2025's figures, the plans of 2025 over the communes the province was formed from: Lạc Sơn's, whose
     * district lies under no unit of code 25, and not the province's own 2026 plan, in points of another version.
     */
    @Test
    void aPeriodsDashboardShowsThePlansOfThatPeriodOverItsCommunes() {
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);

        assertThat(manager.get("/units/25/dashboard?period=" + period("Năm 2025")).body())
                .contains("Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025")
                .doesNotContain("Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026");
        assertThat(manager.get("/units/25/dashboard?period=" + period("Năm 2026")).body())
                .contains("Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026")
                .doesNotContain("Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025");
    }

    @Test
    void yenPhusStaffEnterInTheNewCommuneAndSeeTheHistoryOfThoseItWasFormedFrom() {
        long year2026 = period("Năm 2026");
        long year2024 = period("Năm 2024");
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);

        String current = staff.get("/communes/05305/periods/" + year2026).body();
        assertThat(current).contains("Bảng điểm Xã Yên Phú — Năm 2026",
                "Mục tiêu của Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026");
        // The last criterion: the journeys' tests work on the first ones, and may have approved them.
        assertThat(staff.get("/communes/05305/periods/" + year2026 + "/criteria/G6.C5").body())
                .as("the period is open to the new commune's staff: the page offers the value's form")
                .containsPattern("<form action=\"[^\"]+/value\"");
        assertThat(staff.get("/communes/05305/periods/" + year2024).body())
                .as("the old Yên Phú's scorecard, with the trend of the three communes, each said to be what it is")
                .contains("id=\"trend-merged\"", "Diễn biến dưới đây là của Xã Yên Phú, thành lập ngày 01/07/2025: mỗi "
                        + "điểm là mức đã xác nhận trung bình của 3 xã hợp thành đơn vị này. Các số liệu phía trên là của "
                        + "riêng Xã Yên Phú trong kỳ này.");
        assertThat(new WebClient(port).login("xa.annghia", PASSWORD).get("/communes/05347/periods/" + year2024)
                .body()).as("the code is Xã Đại Đồng's since the merger, and was Xã Ân Nghĩa's then")
                .contains("Diễn biến dưới đây là của Xã Đại Đồng, thành lập ngày 01/07/2025",
                        "Các số liệu phía trên là của riêng Xã Ân Nghĩa trong kỳ này.");
        assertThat(staff.get("/communes/05302/periods/" + year2024).statusCode()).as("Xuất Hóa, absorbed")
                .isEqualTo(200);
        assertThat(staff.get("/communes/05347/periods/" + year2024).statusCode()).as("Ân Nghĩa, not Yên Phú's")
                .isEqualTo(404);
    }

    @Test
    void theEndedDistrictKeepsItsHistoryAndOpensOnItsLastPeriod() {
        WebClient district = new WebClient(port).login("huyen.lacson", PASSWORD);

        String page = district.get("/units/157/dashboard").body();
        assertThat(page).contains("Bảng điều khiển Huyện Lạc Sơn")
                .containsPattern("<option value=\"" + period("Năm 2025") + "\"[^>]*selected[^>]*>Năm 2025</option>");
        assertThat(figure(page, "figure-communes")).isEqualTo("24");
        assertThat(district.get("/units/157/dashboard?period=" + period("Năm 2026")).statusCode())
                .as("no Huyện Lạc Sơn in 2026").isEqualTo(404);
        assertThat(page).as("nor is 2026 offered").doesNotContain(">Năm 2026</option>")
                .contains(">Năm 2024</option>", ">Năm 2023</option>");
        assertThat(new WebClient(port).login("tinh.phutho", PASSWORD).get("/units/25/dashboard").body())
                .as("the new province's years before it, its communes' predecessors'")
                .contains(">Năm 2026</option>", ">Năm 2025</option>", ">Năm 2023</option>");
        assertThat(district.get("/communes/05305/periods/" + period("Năm 2026")).statusCode())
                .as("the new Yên Phú is the province's").isEqualTo(404);
    }

    @Test
    void the2026SampleAssessmentsAreTheNewCommunesReviewedAtTheProvince() {
        long year2026 = period("Năm 2026");

        assertThat(jdbc.queryForList("""
                select distinct parent.code from assessment a join administrative_unit u on u.id = a.unit_id
                join administrative_unit parent on parent.id = u.parent_id where a.period_id = ?
                    and exists (select 1 from criterion_entry e where e.assessment_id = a.id
                        and e.last_changed_by like 'mau.%')""", String.class, year2026)).containsExactly("25");
        assertThat(jdbc.queryForList("""
                select distinct ev.actor from audit_event ev join criterion_entry e on ev.entity_id = e.id::text
                join assessment a on a.id = e.assessment_id
                where ev.entity_type = 'CRITERION_ENTRY' and ev.action = 'APPROVE' and a.period_id = ?
                    and ev.actor like 'mau.%'""", String.class, year2026)).containsExactly("mau.tinh.phutho");
    }

    /** The database's "C" byte order put Xã Đại Đồng after Xã Yên Phú, and Xã Thượng Cốc before Xã Tân Lạc. */
    @Test
    void theNewProvincesListsByNameFollowTheVietnameseAlphabet() {
        long year2026 = period("Năm 2026");
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);
        String byName = manager.get("/units/25/dashboard?period=" + year2026 + "&sort=name").body();

        assertThat(texts(byName, "<a class=\"stack-open\" href=\"/communes/\\d+/periods/\\d+\">([^<]+)</a>"))
                .containsExactly("Xã An Bình", "Xã Đại Đồng", "Xã Hợp Kim", "Xã Lạc Sơn", "Xã Liên Sơn",
                        "Xã Mường Vang", "Xã Ngọc Sơn", "Xã Nhân Nghĩa", "Xã Quyết Thắng", "Xã Tân Lạc",
                        "Xã Thượng Cốc", "Xã Yên Phú");
        assertThat(texts(manager.get("/reviews").body(), "<option value=\"\\d{5}\"[^>]*>([^<]+)</option>"))
                .as("the review queue's commune filter").startsWith("Xã An Bình", "Xã Đại Đồng", "Xã Hợp Kim")
                .endsWith("Xã Tân Lạc", "Xã Thượng Cốc", "Xã Yên Phú");
    }

    private static List<String> texts(String page, String pattern) {
        return Pattern.compile(pattern).matcher(page).results().map(result -> result.group(1)).toList();
    }

    private long period(String name) {
        return periods.findByName(name).orElseThrow().getId();
    }

    private static String figure(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">\\s*([^<]+?)\\s*</dd>").matcher(page);
        assertThat(matcher.find()).as(id + " on the page").isTrue();
        return matcher.group(1);
    }
}
