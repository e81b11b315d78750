package org.communedx.web.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Sizes;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey J3 in a browser: the provincial manager opens the province dashboard, drills down from the district to a
 * commune, a criterion and its evidence, exports XLSX and opens the PDF report; commune staff cannot reach the
 * province dashboard. Each dashboard's HTML and everything it loads into an empty cache weigh at most 150 KB on the
 * wire, measured from the browser's network events.
 */
@TrackerIntegrationTest
class DashboardJourneyBrowserIT {

    private static final String PASSWORD = "Demo@2025!";

    private static final long PAGE_WEIGHT_LIMIT = 150 * 1024;

    private static final long REPEAT_LIMIT = 10 * 1024;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** What the page itself (its HTML, not what it loads) cost on the wire in the last {@link #weigh}. */
    long lastPageBytes;

    @Autowired
    PeriodRepository periods;

    @Test
    void provincialManagerDrillsDownFromTheProvinceToAnEvidenceFileExportsAndPrints() {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        Page page = browser.logIn(port, "tinh.hoabinh", PASSWORD);

        page.locator("#nav-dashboard").click();
        assertThat(page.locator("h1")).hasText("Bảng điều khiển Tỉnh Hòa Bình");
        page.getByLabel("Kỳ đánh giá").selectOption(String.valueOf(year2025));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(page.locator("canvas[data-chart='children']")).isVisible();
        assertThat(page.locator("canvas[data-chart='trend']")).isVisible();
        assertThat(page.locator("#figure-communes")).hasText("28");
        assertThat(page.locator("#sample-data-label")).isVisible();
        assertThat(page.locator(".plan-tracker").filter(new Locator.FilterOptions()
                .setHasText("Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025"))).isVisible();
        // The 2026 plan is the new Tỉnh Phú Thọ's, formed after Hòa Bình ended.
        assertThat(page.locator(".plan-tracker").filter(new Locator.FilterOptions()
                .setHasText("Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026"))).hasCount(0);

        page.locator("#children-table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Huyện Lạc Sơn").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Bảng điều khiển Huyện Lạc Sơn");
        assertThat(page.locator("canvas[data-chart='groups']")).isVisible();

        page.locator("#ranking-table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Xã Yên Phú").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("Bảng điểm Xã Yên Phú — Năm 2025");
        page.locator("tr:has(.text-bg-success:text('Đã duyệt')) a[href*='/criteria/']").first().click();
        assertThat(page.locator("#entry-status")).hasText("Đã duyệt");
        assertThat(page.locator("#evidence")).containsText("Biên bản kiểm tra (mẫu)");
        Download evidence = page.waitForDownload(() -> page.locator("#evidence a[href^='/evidence/']")
                .filter(new Locator.FilterOptions().setHasText("Tải xuống")).first().click());
        assertThat(evidence.suggestedFilename()).endsWith(".pdf");

        page.navigate("http://localhost:" + port + "/units/157/dashboard?period=" + year2025);
        Download xlsx = page.waitForDownload(() -> page.locator("#rollup-xlsx").click());
        assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        page.locator("#report-link").click();
        assertThat(page.locator("body")).containsText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        // Headless Chromium downloads a PDF instead of showing it; the browser's own session fetches it.
        var pdf = page.request().get("http://localhost:" + port + page.locator("#report-pdf").getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void communeStaffCannotReachTheProvinceDashboard() {
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);

        assertThat(page.locator("#nav-dashboard")).hasCount(0);
        Response response = page.navigate("http://localhost:" + port + "/units/17/dashboard");
        assertThat(response.status()).isEqualTo(404);
    }

    /**
     * The first visit over a slow link: the browser's cache is off, so the page's HTML, every asset it loads and
     * the chart data it fetches all count, as Chromium measured them on the wire (compressed bodies and headers).
     */
    @Test
    void eachDashboardWeighsAtMost150KilobytesOnTheWireWithAnEmptyCache() {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        Page page = browser.logIn(port, "tinh.hoabinh", PASSWORD);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        CDPSession devtools = page.context().newCDPSession(page);
        devtools.send("Network.enable");
        JsonObject cacheDisabled = new JsonObject();
        cacheDisabled.addProperty("cacheDisabled", true);
        devtools.send("Network.setCacheDisabled", cacheDisabled);

        long province = weigh(page, "/units/17/dashboard?period=" + year2025, "j3-province-dashboard.png");
        long district = weigh(page, "/units/157/dashboard?period=" + year2025, "j3-district-dashboard.png");

        System.out.printf("Page weight (HTML + every asset, empty cache, on the wire): province %d B, district %d B%n",
                province, district);
        assertThat(province).as("province dashboard, bytes on the wire").isLessThanOrEqualTo(PAGE_WEIGHT_LIMIT);
        assertThat(district).as("district dashboard, bytes on the wire").isLessThanOrEqualTo(PAGE_WEIGHT_LIMIT);
    }

    /**
     * The visits officials make all day: the same dashboard and scorecard again, with the browser's cache on. The page
     * answers 304 while nothing changed, and the assets, sent immutable, are not asked for at all; what remains is a
     * few hundred bytes of headers and the chart series.
     */
    @Test
    void aRepeatVisitTransfersAtMost10Kilobytes() {
        long year2025 = periods.findByName("Năm 2025").orElseThrow().getId();
        Page page = browser.logIn(port, "tinh.hoabinh", PASSWORD);
        String dashboard = "/units/17/dashboard?period=" + year2025;
        String scorecard = "/communes/05305/periods/" + year2025;
        weigh(page, dashboard, "j3-province-dashboard-first.png");
        weigh(page, scorecard, "j3-scorecard-first.png");

        long dashboardAgain = weigh(page, dashboard, "j3-province-dashboard-again.png");
        assertThat(lastPageBytes).as("the dashboard itself: a 304's headers, no page").isLessThan(1024);
        long scorecardAgain = weigh(page, scorecard, "j3-scorecard-again.png");
        assertThat(lastPageBytes).as("the scorecard itself: a 304's headers, no page").isLessThan(1024);

        System.out.printf("Repeat visit, on the wire: province dashboard %d B, scorecard %d B%n", dashboardAgain,
                scorecardAgain);
        assertThat(dashboardAgain).as("province dashboard again, bytes on the wire").isLessThanOrEqualTo(REPEAT_LIMIT);
        assertThat(scorecardAgain).as("scorecard again, bytes on the wire").isLessThanOrEqualTo(REPEAT_LIMIT);
        assertThat(page.locator("h1")).containsText("Xã Yên Phú");
    }

    /** Loads the page until the network is quiet and sums what its requests cost, printing each one. */
    private long weigh(Page page, String path, String screenshot) {
        List<Request> finished = new ArrayList<>();
        Consumer<Request> record = finished::add;
        page.onRequestFinished(record);
        page.navigate("http://localhost:" + port + path);
        assertThat(page.locator("main h1")).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.offRequestFinished(record);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "playwright", screenshot)));
        long total = 0;
        for (Request request : finished) {
            Sizes sizes = request.sizes();
            long onTheWire = sizes.responseBodySize + sizes.responseHeadersSize;
            System.out.printf("  %7d B  %s%n", onTheWire, request.url());
            if (request.url().endsWith(path)) {
                lastPageBytes = onTheWire;
            }
            total += onTheWire;
        }
        return total;
    }
}
