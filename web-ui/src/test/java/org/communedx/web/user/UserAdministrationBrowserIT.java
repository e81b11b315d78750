package org.communedx.web.user;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** J4, step 3: an administrator creates an official, who logs in with the one-time password and replaces it. */
@TrackerIntegrationTest
class UserAdministrationBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void administratorCreatesAnOfficialWhoLogsInAndChoosesTheirOwnPassword() {
        String username = TestAccounts.uniqueUsername("browser");
        Page page = browser.page();
        logIn(page, "admin", "Demo@2025!");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Người dùng").setExact(true)).click();
        assertThat(page).hasURL(url("/users"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm người dùng")).click();
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Họ tên").fill("Cán bộ xã Yên Phú");
        page.getByLabel("Vai trò").selectOption("COMMUNE_STAFF");
        var unit = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true));
        unit.pressSequentially("yen phu");
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("05305 – Xã Yên Phú")))
                .isVisible();
        assertThat(page.locator("#unitCode-status")).containsText("Tìm thấy");
        unit.press("ArrowDown");
        unit.press("Enter");
        assertThat(unit).hasValue("05305");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo người dùng")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Đã tạo người dùng.");
        String password = page.locator("#issued-password").textContent();
        assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        assertThat(page).hasURL(url("/login?logout"));

        logIn(page, username, password);
        assertThat(page).hasURL(url("/account/password"));
        page.getByLabel("Mật khẩu hiện tại").fill(password);
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("Đồi chè Yên Phú 2025");
        page.getByLabel("Nhập lại mật khẩu mới").fill("Đồi chè Yên Phú 2025");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đổi mật khẩu")).click();

        // Commune staff land on their own commune's scorecard for the current period.
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/communes/05305/periods/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Xã Yên Phú");
    }

    private void logIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
