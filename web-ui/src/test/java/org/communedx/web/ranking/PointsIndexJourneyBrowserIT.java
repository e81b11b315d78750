package org.communedx.web.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.SelectOption;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * A points-based index from file to ranking, in the browser (issue 15): an administrator imports a small points
 * framework with partial credit and classes, publishes it and opens a period on it; the staff of the new Xã Yên Phú
 * (Tỉnh Phú Thọ since the 2025 reform, so the province reviews) enter and submit its four criteria; the provincial
 * manager returns one, the staff correct it, the manager approves all four, then reads the scorecard in points and
 * ranks, filters and downloads the province's communes.
 *
 * <p>The points, by the rules of {@link #FRAMEWORK} (maxima 30 + 25 + 25 + 20 = 100, two decimals):
 * <ul>
 * <li>G1.C1 PROPORTIONAL, max 30, target at least 80%: 12/20 = 60% earns 30 × 60 / 80 = 22.50;</li>
 * <li>G1.C2 STEPS, max 25: 5 is in the band 3..7 = 10; corrected to 8 after the return, in 7..10 = 18.00
 *     (the target, 10, is still not met: partial credit);</li>
 * <li>G2.C3 LEVELS, max 25: level 2 = 15.00;</li>
 * <li>G2.C4 ALL_OR_NOTHING, max 20: yes meets the target, 20.00.</li>
 * </ul>
 * Claimed before the review: 22.50 + 10 + 15 + 20 = 67.50. Verified at the end: 22.50 + 18 + 15 + 20 = 75.50
 * (G1 40.50 / 55, G2 35.00 / 45), class Tốt (from 70; Xuất sắc from 90).
 *
 * <p>The period runs from July 2025 to June 2026, after the reform, so that Tỉnh Phú Thọ holds Yên Phú and reviews it
 * and its ranking lists its communes. It is of 2026, a year it runs in, and shares one database with the other tests,
 * which find the current period (the one today falls in) and "the period of 2025/2026" by year and start date (newest
 * first): ended, and starting before the demo's Năm 2026, it is neither, and leaves them as they are.
 */
@TrackerIntegrationTest
class PointsIndexJourneyBrowserIT {

    private static final String FRAMEWORK = """
            code: E2E-DIEM
            version: "2026"
            titleVi: Chỉ số thử nghiệm tính điểm
            titleEn: Points index under test
            scoreDisplay: POINTS
            scoreDecimals: 2
            declaredTotal: 100
            classes:
              - { nameVi: Xuất sắc,   nameEn: Excellent, threshold: 90 }
              - { nameVi: Tốt,        nameEn: Good,      threshold: 70 }
              - { nameVi: Trung bình, nameEn: Average,   threshold: 50 }
              - { nameVi: Yếu,        nameEn: Weak,      threshold: 0 }
            groups:
              - code: G1
                nameVi: Hạ tầng số
                nameEn: Digital infrastructure
                criteria:
                  - code: G1.C1
                    nameVi: Tỷ lệ cán bộ được đào tạo kỹ năng số
                    nameEn: Officials trained in digital skills
                    type: PERCENT
                    target: 80
                    comparison: AT_LEAST
                    weight: 30
                    scoring: PROPORTIONAL
                    evidenceRequired: false
                  - code: G1.C2
                    nameVi: Số điểm truy cập Internet công cộng
                    nameEn: Public Internet access points
                    type: COUNT
                    target: 10
                    comparison: AT_LEAST
                    weight: 25
                    scoring: STEPS
                    steps: "0..3=0; 3..7=10; 7..10=18; 10..=25"
                    evidenceRequired: false
              - code: G2
                nameVi: Chính quyền số
                nameEn: Digital government
                criteria:
                  - code: G2.C3
                    nameVi: Mức độ số hóa hồ sơ
                    nameEn: Digitisation of records
                    type: LEVEL
                    target: 3
                    comparison: AT_LEAST
                    weight: 25
                    scoring: LEVELS
                    steps: "0=0; 1=5; 2=15; 3=25"
                    evidenceRequired: false
                  - code: G2.C4
                    nameVi: Có cổng thông tin điện tử của xã
                    nameEn: The commune has a web portal
                    type: BOOLEAN
                    target: 1
                    comparison: AT_LEAST
                    weight: 20
                    scoring: ALL_OR_NOTHING
                    evidenceRequired: false
            """;

    private static final String PERIOD = "Thử nghiệm chỉ số điểm 6 tháng cuối 2025";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aProvinceEntersReviewsAndRanksAPointsIndexInTheBrowser() throws IOException {
        long period = administratorImportsPublishesAndOpensAPeriod();
        String scorecard = "/communes/05305/periods/" + period;

        // Commune staff: their home is the current period's scorecard, which has no way to another period (reported),
        // so they open this one at its address, as a link from the province would give it.
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate(url(scorecard));
        assertThat(page.locator("h1")).hasText("Bảng điểm Xã Yên Phú — " + PERIOD);
        enter(page, "G1.C1", () -> {
            page.getByLabel("Tử số").fill("12");
            page.getByLabel("Mẫu số").fill("20");
        }, "12/20 (60,00%)");
        enter(page, "G1.C2", () -> page.getByLabel("Số lượng").fill("5"), "5");
        enter(page, "G2.C3", () -> page.getByLabel("Mức độ (0–3)").selectOption("2"), "Mức 2");
        enter(page, "G2.C4", () -> page.locator("#yesNo-yes").check(), "Có");
        assertThat(page.locator("#claimed-overall")).hasText("67,50 / 100 điểm");
        assertThat(page.locator("#verified-overall")).hasText("0,00 / 100 điểm");

        // The provincial manager returns the count, which the minutes do not support, and approves the rest at once.
        browser.logIn(port, "tinh.phutho", PASSWORD);
        openQueue(page);
        page.locator("#queue").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(startsWith("G1.C2"))).click();
        page.getByLabel("Lý do (bắt buộc)").fill("Biên bản chỉ ghi nhận 5 điểm; đề nghị kiểm đếm lại");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lại")).click();
        assertThat(page.locator("#entry-status")).hasText("Bị trả lại");
        openQueue(page);
        for (String criterion : new String[] { "G1.C1", "G2.C3", "G2.C4" }) {
            page.getByLabel("Chọn " + criterion + " của Xã Yên Phú").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt các tiêu chí đã chọn")).click();
        for (String criterion : new String[] { "G1.C1", "G2.C3", "G2.C4" }) {
            assertThat(page.locator("#outcomes")).containsText(criterion + ": Đã duyệt.");
        }

        // The staff correct the count and submit again.
        browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate(url(scorecard));
        assertThat(page.locator("#verified-overall")).hasText("57,50 / 100 điểm");
        assertThat(page.locator("#todo-returned")).containsText("Lý do: Biên bản chỉ ghi nhận 5 điểm");
        enter(page, "G1.C2", () -> page.getByLabel("Số lượng").fill("8"), "8");

        // The manager approves it, from the queue's link, and reads the figures through the dashboard.
        browser.logIn(port, "tinh.phutho", PASSWORD);
        openQueue(page);
        page.locator("#queue").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(startsWith("G1.C2"))).click();
        assertThat(page.locator("main")).containsText("Biên bản chỉ ghi nhận 5 điểm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true)).click();
        assertThat(page.locator("#entry-status")).hasText("Đã duyệt");

        page.locator("#nav-dashboard").click();
        page.getByLabel("Kỳ đánh giá").selectOption(new SelectOption().setLabel(PERIOD));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("h1")).hasText("Bảng điều khiển Tỉnh Phú Thọ");
        String dashboard = page.url();
        page.locator("#ranking-table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Xã Yên Phú").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Bảng điểm Xã Yên Phú — " + PERIOD);
        assertThat(page.locator("#verified-overall")).hasText("75,50 / 100 điểm");
        assertThat(page.locator("#claimed-overall")).hasText("75,50 / 100 điểm");
        assertThat(group(page, "G1")).containsText("40,50 / 55 điểm");
        assertThat(group(page, "G2")).containsText("35,00 / 45 điểm");
        assertThat(criterionRow(page, "G1.C1")).containsText("22,50 / 30 điểm");
        assertThat(criterionRow(page, "G1.C2")).containsText("18,00 / 25 điểm");
        assertThat(criterionRow(page, "G2.C3")).containsText("15,00 / 25 điểm");
        assertThat(criterionRow(page, "G2.C4")).containsText("20,00 / 20 điểm");
        // On paper the figures stay and the links to their explanation go: a link cannot be followed there.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#verified-overall")).isVisible();
        assertThat(page.locator("#explain-overall")).isHidden();
        assertThat(page.getByText("Vì sao có con số này?")).hasCount(3);
        for (Locator link : page.getByText("Vì sao có con số này?").all()) {
            assertThat(link).isHidden();
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        page.locator("#explain-overall").click();
        assertThat(page.locator("#explain-verified")).hasText(
                "Điểm được tính 75,50 / điểm tối đa của các tiêu chí áp dụng 100,00 = 75,5%");
        assertThat(page.locator("#explain-rounding")).containsText("làm tròn đến hai chữ số thập phân");
        assertThat(page.locator("#explain-rounding")).containsText("Đã xác nhận: điểm của các tiêu chí đã duyệt.");
        assertThat(criterionRow(page, "G1.C1")).containsText("22,50");
        assertThat(criterionRow(page, "G1.C1")).containsText("điểm tối đa nhân với tỷ lệ đạt so với chỉ tiêu");
        assertThat(criterionRow(page, "G1.C2")).containsText("18,00");
        assertThat(criterionRow(page, "G1.C2")).containsText("Giá trị thuộc bậc");
        assertThat(criterionRow(page, "G2.C3")).containsText("Mức 2: điểm của mức đó");
        assertThat(criterionRow(page, "G2.C4")).containsText("Đạt chỉ tiêu: được toàn bộ điểm tối đa");

        page.navigate(dashboard);
        page.locator("#ranking-link").click();
        assertThat(page.locator("h1")).hasText("Xếp hạng các xã của Tỉnh Phú Thọ");
        assertThat(page.locator("#ranking-score-note")).containsText("trên thang 100 điểm");
        // The only commune with approved values in this period ranks first; the others have no score yet.
        // Since the 2025 reform no district lies between a commune and its province: the table has no district column.
        Locator first = page.locator("#ranking-table tbody tr").first();
        assertThat(first.locator("td").nth(0)).hasText("1");
        assertThat(first.locator("td").nth(1)).hasText("Xã Yên Phú");
        assertThat(first.locator("td").nth(2)).hasText("75,50");
        assertThat(first.locator("td").nth(3)).hasText("Tốt");
        assertThat(page.locator("#ranking-table tbody tr").nth(1).locator("td").nth(2)).hasText("Chưa có điểm");

        classFilter(page, "Xuất sắc").click();
        assertThat(page.locator("#ranking-none")).hasText("Không có xã nào ở mức xếp loại này.");
        classFilter(page, "Tốt").click();
        assertThat(page.locator("#ranking-table tbody tr")).hasCount(1);
        assertThat(page.locator("#ranking-table tbody tr td").nth(1)).hasText("Xã Yên Phú");

        Download download = page.waitForDownload(() -> page.locator("#ranking-xlsx").click());
        try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet ranking = workbook.getSheet("Xếp hạng");
            org.assertj.core.api.Assertions.assertThat(ranking.getRow(0).getCell(3).getStringCellValue())
                    .isEqualTo("Điểm đã xác nhận (thang điểm 100)");
            org.assertj.core.api.Assertions.assertThat(ranking.getLastRowNum()).as("the filter kept").isEqualTo(1);
            Row yenPhu = ranking.getRow(1);
            org.assertj.core.api.Assertions.assertThat(yenPhu.getCell(0).getNumericCellValue()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(yenPhu.getCell(1).getStringCellValue()).isEqualTo("05305");
            org.assertj.core.api.Assertions.assertThat(yenPhu.getCell(2).getStringCellValue()).isEqualTo("Xã Yên Phú");
            org.assertj.core.api.Assertions.assertThat(yenPhu.getCell(3).getNumericCellValue()).isEqualTo(75.5);
            org.assertj.core.api.Assertions.assertThat(yenPhu.getCell(4).getStringCellValue()).isEqualTo("Tốt");
        }
    }

    /**
     * The administrator's part, all in the browser: import the file as a draft, publish it, add the period on it.
     * Returns the period's id, from its edit link.
     */
    private long administratorImportsPublishesAndOpensAPeriod() {
        Page page = browser.logIn(port, "admin", PASSWORD);
        page.locator("#nav-admin > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bộ tiêu chí")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhập phiên bản từ tệp")).click();
        page.getByLabel("Tệp YAML hoặc XLSX").setInputFiles(new FilePayload("chi-so-diem.yaml", "application/yaml",
                FRAMEWORK.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập thành bản nháp mới")).click();
        assertThat(page).hasURL(url("/frameworks/E2E-DIEM/2026"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã nhập tệp thành bản nháp mới.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ban hành")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ban hành")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã ban hành phiên bản.");
        assertThat(page.locator("main")).containsText("Xuất sắc");

        page.locator("#nav-admin > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kỳ đánh giá").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm kỳ đánh giá")).click();
        page.getByLabel("Tên kỳ").fill(PERIOD);
        page.getByLabel("Năm", new Page.GetByLabelOptions().setExact(true)).fill("2026");
        page.getByLabel("Ngày bắt đầu").fill("2025-07-01");
        page.getByLabel("Ngày kết thúc").fill("2026-06-30");
        // Extended a year ahead, as an administrator would, so that the commune may still write in it.
        page.getByLabel("Hạn nộp").fill(LocalDate.now().plusYears(1).toString());
        page.getByLabel("Bộ tiêu chí").selectOption(new SelectOption()
                .setLabel("E2E-DIEM 2026"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
        // Over the demo's 2025 and 2026 periods: asked first, since communes see them all; then named once saved.
        assertThat(page.locator("#period-overlap-ask")).containsText("Kỳ này sẽ trùng thời gian với:");
        assertThat(page.locator("#period-overlap-ask")).isFocused();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vẫn lưu")).click();
        assertThat(page.locator("#period-overlapping"))
                .containsText("Đã lưu kỳ " + PERIOD + ", nhưng kỳ này trùng thời gian");
        String edit = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sửa kỳ " + PERIOD))
                .getAttribute("href");
        return Long.parseLong(edit.replaceAll("^/periods/(\\d+)/edit$", "$1"));
    }

    /** From the scorecard: the criterion's page, the value saved (shown as {@code shown}), submitted, and back. */
    private static void enter(Page page, String criterion, Runnable fill, String shown) {
        // A returned criterion is linked twice: from the to-do at the top, which comes first, and from its group.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(startsWith(criterion))).first().click();
        fill.run();
        page.getByLabel("Giải trình").fill("Theo sổ theo dõi của xã");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();
        assertThat(page.locator("#entry-value")).hasText(shown);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(page.locator("#entry-status")).hasText("Đã gửi");
        page.locator("nav .breadcrumb a").first().click();
        assertThat(page.locator("#claimed-overall")).isVisible();
    }

    /** The manager's review queue, narrowed to the test's period. */
    private static void openQueue(Page page) {
        page.locator("#nav-reviews").click();
        page.getByLabel("Kỳ đánh giá").selectOption(new SelectOption().setLabel(PERIOD));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        assertThat(page.locator("#queue")).containsText("Xã Yên Phú");
    }

    private static Locator group(Page page, String code) {
        return page.locator("section[aria-labelledby='group-" + code + "'] > p");
    }

    private static Locator criterionRow(Page page, String code) {
        return page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(startsWith(code)))));
    }

    private static Locator classFilter(Page page, String name) {
        return page.locator("#class-filter").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + name + " \\(từ ")));
    }

    /**
     * A link whose name starts with the code and a space. Playwright hands the pattern to the browser as a JavaScript
     * regular expression, which has no {@code \Q...\E}: the code's dots are escaped by hand.
     */
    private static Pattern startsWith(String code) {
        return Pattern.compile("^" + code.replace(".", "\\.") + " ");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
