package org.communedx.web.shell;

import com.microsoft.playwright.Page;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@TrackerIntegrationTest
class LoginPageBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void officialSeesTheLoginPageInVietnameseAndSwitchesToEnglish() {
        Page page = browser.page();
        page.navigate("http://localhost:" + port + "/");

        assertThat(page).hasURL("http://localhost:" + port + "/login");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING)).hasText("Đăng nhập hệ thống");
        assertThat(page.getByLabel("Tên đăng nhập")).isVisible();
        assertThat(page.getByLabel("Mật khẩu")).isVisible();

        page.getByText("English").click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByLabel("Username")).isVisible();
        page.reload();
        assertThat(page.getByLabel("Password")).isVisible();
    }
}
