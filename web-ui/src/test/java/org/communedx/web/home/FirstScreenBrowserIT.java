package org.communedx.web.home;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each demo role logs in on a phone's width (360 px) and lands on its first screen: the administrator on what needs
 * them, commune staff on their scorecard with what to do next, the reviewers and the viewer on their dashboard, the
 * reviewers with their queue. None of these screens scrolls sideways.
 */
@TrackerIntegrationTest
class FirstScreenBrowserIT {

    private static final String PASSWORD = "Demo@2025!";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theAdministratorLandsOnWhatNeedsThem() {
        Page page = logIn("admin");

        assertThat(page).hasURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Cần xử lý");
        assertThat(page.locator("#greeting")).hasText("Xin chào, Quản trị hệ thống");
        for (String section : new String[] { "Đăng nhập bị tạm khóa vì nhập sai mật khẩu",
                "Công việc chạy nền của bạn", "Bộ tiêu chí nháp chưa ban hành", "Hạn nộp của các kỳ đánh giá" }) {
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(section))).isVisible();
        }
        assertNoSidewaysScroll(page);
    }

    @Test
    void communeStaffLandOnTheirScorecardWithWhatToDoNext() {
        Page page = logIn("xa.yenphu");

        assertThat(page).hasURL(Pattern.compile(".*/communes/05305/periods/\\d+$"));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Việc cần làm"))).isVisible();
        assertThat(page.locator("#todo-deadline")).containsText("Hạn nộp:");
        assertNoSidewaysScroll(page);
    }

    @Test
    void aDistrictOfficialLandsOnTheDistrictDashboardWithTheQueue() {
        Page page = logIn("huyen.lacson");

        assertThat(page).hasURL(Pattern.compile(".*/units/157/dashboard$"));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Việc chờ bạn duyệt")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở hàng chờ duyệt")).click();
        assertThat(page).hasURL(Pattern.compile(".*/reviews$"));
        Browser.backToKeptPage(page);
        assertNoSidewaysScroll(page);
    }

    @Test
    void aProvincialManagerLandsOnTheProvinceDashboardWithTheQueue() {
        Page page = logIn("tinh.phutho");

        assertThat(page).hasURL(Pattern.compile(".*/units/25/dashboard$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bảng điều khiển Tỉnh Phú Thọ");
        assertThat(page.locator("#review-callout")).isVisible();
        assertNoSidewaysScroll(page);

        // On paper, the page's content alone: Ctrl+P printed the menu bar, the period's selector and the downloads;
        // and a chart drawn at the screen's 1,116 px lost its right side, or was squeezed into the page.
        page.setViewportSize(1366, 768);
        com.microsoft.playwright.Locator chart = page.locator("canvas[data-chart=groups]");
        assertThat(chart).isVisible();
        // A count of communes is whole on its axis, in the page's number format whatever the browser's language: a
        // district of two communes had read 0.2, 0.4, … 1.8.
        com.microsoft.playwright.Locator distribution = page.locator("canvas[data-chart=distribution]");
        assertThat(distribution).isVisible();
        org.assertj.core.api.Assertions.assertThat(distribution.evaluate("canvas => Chart.getChart(canvas).options.locale"))
                .isEqualTo("vi");
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) distribution.evaluate(
                "canvas => Chart.getChart(canvas).scales.y.ticks.map(tick => tick.label)"))
                .isNotEmpty().allSatisfy(label -> org.assertj.core.api.Assertions.assertThat(label.toString())
                        .matches("\\d+"));
        com.microsoft.playwright.options.BoundingBox screen = chart.boundingBox();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        // The paper's width, laid out at once, before the chart's own resizing could draw it again.
        @SuppressWarnings("unchecked")
        java.util.List<Number> paper = (java.util.List<Number>) chart.evaluate("canvas => {"
                + " canvas.parentElement.style.width = '600px';"
                + " const box = canvas.getBoundingClientRect(); return [box.width, box.height]; }");
        org.assertj.core.api.Assertions.assertThat(paper.get(0).doubleValue()).as("within the paper's width, px")
                .isLessThanOrEqualTo(600);
        org.assertj.core.api.Assertions.assertThat(paper.get(1).doubleValue() / paper.get(0).doubleValue())
                .as("scaled whole, not squeezed sideways")
                .isCloseTo(screen.height / screen.width, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(page.locator("header")).isHidden();
        assertThat(page.locator("#report-pdf-link")).isHidden();
        assertThat(page.locator("#review-queue-link")).isHidden();
        assertThat(page.locator("#period")).isHidden();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertThat(page.locator("#figures-heading")).isVisible();
    }

    @Test
    void aViewerLandsOnTheirDashboardWithoutAQueue() {
        Page page = logIn("xem.hoabinh");

        assertThat(page).hasURL(Pattern.compile(".*/units/17/dashboard$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bảng điều khiển Tỉnh Hòa Bình");
        assertThat(page.locator("#review-callout")).hasCount(0);
        assertNoSidewaysScroll(page);
    }

    private Page logIn(String username) {
        browser.page().setViewportSize(360, 740);
        return browser.logIn(port, username, PASSWORD);
    }

    private static void assertNoSidewaysScroll(Page page) {
        Object wider = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) wider).intValue()).as("pixels wider than the 360 px screen").isLessThanOrEqualTo(0);
    }
}
