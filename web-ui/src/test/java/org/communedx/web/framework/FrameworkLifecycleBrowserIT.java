package org.communedx.web.framework;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@TrackerIntegrationTest
class FrameworkLifecycleBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void administratorClonesThePublishedVersionAndPublishesTheDraft() {
        Page page = browser.logIn(port, "admin", FrameworkIT.DEMO_PASSWORD);

        page.locator("#nav-admin > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bộ tiêu chí")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1.0").setExact(true)).click();
        assertThat(page.getByText("phiên bản 1.0: 6 nhóm tiêu chí, 27 tiêu chí thành phần")).isVisible();

        page.getByLabel("Phiên bản mới").fill("1.1-browser");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo bản nháp từ phiên bản này")).click();

        assertThat(page).hasURL("http://localhost:" + port + "/frameworks/DX-XA/1.1-browser");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã tạo bản nháp mới.");
        assertThat(page.getByText("Bản nháp", new Page.GetByTextOptions().setExact(true))).isVisible();

        // Publishing asks first, on a page of its own that says it cannot be undone.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ban hành")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Ban hành phiên bản DX-XA 1.1-browser?");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Không thể hoàn tác thao tác này.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ban hành")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã ban hành phiên bản.");
        assertThat(page.getByText("Đã ban hành", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("phiên bản 1.1-browser: 6 nhóm tiêu chí, 27 tiêu chí thành phần")).isVisible();
    }
}
