package org.communedx.web.accessibility;

import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long pages on a phone, 360 × 740 CSS pixels: the scorecard, the review queue and the rankings become stacked
 * cards, nothing scrolls sideways, and a filled-in scorecard of 27 criteria fits in 8 screens (5,920 px; it was
 * 11,240 px as a table).
 */
@TrackerIntegrationTest
class PhoneLayoutBrowserIT {

    private static final int WIDTH = 360;

    private static final int SCREEN = 740;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    /**
     * What the stacked cards' hidden header held, a phone reaches above them: the review queue's "select all" (bulk
     * approval meant ticking every box one by one) and the dashboard's sort links, which the page told to tap. The
     * hidden links take no focus.
     */
    @Test
    void selectAllAndSortingAreWithinReachOfAFinger() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
        long first = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        for (String name : List.of("bien-ban.pdf", "danh-sach.pdf")) {
            staff.postMultipart("/entries/" + first + "/evidence", Map.of("_csrf",
                    WebClient.csrfToken(staff.get("/entries/" + first)), "title", "Biên bản " + name, "issuingBody",
                    "UBND xã Yên Phú", "documentDate", "2019-03-01"), name, SampleFiles.pdf(name.length()));
        }
        EntryPages.submit(staff, first);
        Page page = browser.logIn(port, "huyen.lacson", EntryPages.PASSWORD);
        page.setViewportSize(WIDTH, SCREEN);

        page.navigate("http://localhost:" + port + "/reviews?period=" + period);
        Locator selectAll = page.getByLabel("Chọn tất cả tiêu chí trong danh sách");
        assertThat(selectAll).isVisible();
        assertThat(selectAll.boundingBox().height).as("a finger's size").isGreaterThanOrEqualTo(24);
        assertThat(page.locator("#select-" + first).boundingBox().height).as("each row's box too")
                .isGreaterThanOrEqualTo(24);
        Locator files = page.locator("#queue .queue-evidence li > a");
        assertThat(files).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(files.nth(i).boundingBox().height).as("an evidence file's link, one above the next")
                    .isGreaterThanOrEqualTo(24);
        }
        selectAll.click();
        assertThat(page.locator("#select-" + first)).isChecked();

        browser.logIn(port, "tinh.phutho", EntryPages.PASSWORD);
        page.navigate("http://localhost:" + port + "/units/25/dashboard");
        assertThat(page.locator("#ranking-table thead a").first()).isHidden();
        assertThat(new AxeBuilder(page).withRules(List.of("empty-table-header"))
                .analyze().getViolations()).as("headings a screen reader finds without words").isEmpty();
        page.locator("#ranking-sort-phone").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Thấp nhất trước")).click();
        // Back at the ranking, not at the top of the page three screens above it.
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=lowest#ranking-heading$"));
        assertThat(page.locator("#ranking-sort-phone [aria-current=true]")).hasText("Thấp nhất trước");
        // In sight, once the charts drawn above it have pushed the page down.
        page.locator("canvas[data-chart]:not([hidden])").first().waitFor();
        assertThat(page.locator("#ranking-table tbody tr").first()).isInViewport(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
    }

    @Test
    void aFilledInScorecardIsStackedCardsThatFitInEightScreens() {
        long filled = periods.findByName("Năm 2025").orElseThrow().getId();
        Page page = browser.logIn(port, "xa.yenphu", EntryPages.PASSWORD);
        page.setViewportSize(WIDTH, SCREEN);

        for (String scorecard : List.of("/communes/05305/periods/" + filled, "/")) {
            page.navigate("http://localhost:" + port + scorecard);
            Locator firstCard = page.locator("table.table-stack tbody tr").first();
            assertThat(firstCard.locator("td[data-label]").first()).isVisible();
            assertThat(page.locator("table.table-stack tbody tr")).hasCount(27);
            assertThat(height(page)).as(scorecard + " in screens of " + SCREEN + " px").isLessThanOrEqualTo(8 * SCREEN);
            assertNoSidewaysScroll(page, scorecard);
        }

        // "Vì sao có con số này?" too: its seven columns ran off the screen, counted or not and why the last.
        String explain = "/communes/05305/periods/" + filled + "/explain";
        page.navigate("http://localhost:" + port + explain);
        assertThat(page.locator("#explain-table tbody tr").first().locator("td[data-label]").last()).isVisible();
        assertThat(height(page)).as(explain + " in screens of " + SCREEN + " px").isLessThanOrEqualTo(8 * SCREEN);
        assertNoSidewaysScroll(page, explain);

        page.navigate("http://localhost:" + port + "/");
        // A tap on the card's evidence count, not on the name's link: the whole card opens the criterion.
        page.locator("table.table-stack tbody tr").nth(1).locator("td[data-label]").last()
                .click(new Locator.ClickOptions().setForce(true));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/criteria/G1\\.C2$"));
    }

    @Test
    void theQueueTheRankingsAndTheUnitsScrollNowhereSideways() {
        long current = periods.findByName("Năm 2026").orElseThrow().getId();
        Page page = browser.logIn(port, "huyen.lacson", EntryPages.PASSWORD);
        page.setViewportSize(WIDTH, SCREEN);
        for (String path : List.of("/reviews", "/units/157/dashboard")) {
            page.navigate("http://localhost:" + port + path);
            assertNoSidewaysScroll(page, path);
        }
        browser.logIn(port, "tinh.phutho", EntryPages.PASSWORD);
        for (String path : List.of("/units/25/dashboard", "/units/25/periods/" + current + "/ranking")) {
            page.navigate("http://localhost:" + port + path);
            assertThat(page.locator("#ranking-table tbody tr").first().locator("td.stack-head")).isVisible();
            assertNoSidewaysScroll(page, path);
        }
        // A heat cell's label ("G1:") is drawn in the cell's own colour, never the labels' grey on a dark green.
        page.navigate("http://localhost:" + port + "/units/25/dashboard");
        assertThat(((Number) page.evaluate("() => [...document.querySelectorAll('#ranking-table td.heat')]"
                + ".filter(cell => getComputedStyle(cell, '::before').color !== getComputedStyle(cell).color)"
                + ".length")).intValue()).as("heat cells whose label is another colour").isZero();
        assertThat(page.locator("#ranking-table td.heat-9, #ranking-table td.heat-10").count())
                .as("the darkest cells are there to read").isPositive();
        // Yên Phú's page lists the communes it was formed from, with the resolutions that merged them.
        for (String path : List.of("/units/05305", "/plans")) {
            page.navigate("http://localhost:" + port + path);
            assertNoSidewaysScroll(page, path);
        }
    }

    /**
     * The administration's lists on a phone: their tables scroll in their own boxes, and nothing in them (a column's
     * heading that only screen readers hear) pushes the page wider than the screen.
     */
    @Test
    void theAdministrationsListsScrollNowhereSideways() {
        Page page = browser.logIn(port, "admin", EntryPages.PASSWORD);
        page.navigate("http://localhost:" + port + "/api-tokens");
        page.getByLabel("Tên", new Page.GetByLabelOptions().setExact(true)).fill("Hệ thống một cửa điện tử tỉnh Phú Thọ");
        page.getByLabel("Vai trò", new Page.GetByLabelOptions().setExact(true)).selectOption("PROVINCE_MANAGER");
        page.getByLabel("Đơn vị", new Page.GetByLabelOptions().setExact(true)).fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cấp mã")).click();
        assertThat(page.locator("#issued-token")).isVisible();

        page.setViewportSize(WIDTH, SCREEN);
        for (String path : List.of("/api-tokens", "/users", "/plans", "/periods", "/audit", "/units",
                "/frameworks/DX-XA/2.0", "/units/17")) {
            page.navigate("http://localhost:" + port + path);
            assertNoSidewaysScroll(page, path);
            // A box that scrolls is a named stop of the keyboard, but no landmark named as the section around it.
            assertThat(new AxeBuilder(page).withRules(List.of("landmark-unique", "scrollable-region-focusable"))
                    .analyze().getViolations()).as(path).isEmpty();
        }
        // The audit log's rows are cards whose changes read across the card: in five columns they had 46 px.
        page.navigate("http://localhost:" + port + "/audit");
        double changes = page.locator("#audit-events tbody tr").first().locator("td.stack-wide").last().boundingBox()
                .width;
        assertThat(changes).as("the changes' width").isGreaterThan(WIDTH * 0.7);
    }

    /** The printable reports on a phone: the sheet without its paper margins, its wide tables in their own boxes. */
    @Test
    void thePrintableReportsScrollNowhereSideways() {
        long filled = periods.findByName("Năm 2025").orElseThrow().getId();
        long current = periods.findByName("Năm 2026").orElseThrow().getId();
        Page page = browser.logIn(port, "xa.yenphu", EntryPages.PASSWORD);
        page.setViewportSize(WIDTH, SCREEN);
        for (String path : List.of("/communes/05305/periods/" + filled + "/report",
                "/communes/05305/periods/" + current + "/report")) {
            assertReportFits(page, path);
        }
        browser.logIn(port, "tinh.phutho", EntryPages.PASSWORD);
        assertReportFits(page, "/units/25/periods/" + current + "/report");
    }

    private void assertReportFits(Page page, String path) {
        page.navigate("http://localhost:" + port + path);
        assertThat(page.locator("table.data").first()).isVisible();
        assertNoSidewaysScroll(page, path);
    }

    private static int height(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
    }

    private static void assertNoSidewaysScroll(Page page, String path) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as(path + " is as wide as the screen").isLessThanOrEqualTo(WIDTH);
    }
}
