package org.communedx.web.user;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
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

        page.locator("#nav-admin > summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Người dùng").setExact(true)).click();
        assertThat(page).hasURL(url("/users"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm người dùng")).click();
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Họ tên").fill("Cán bộ xã Yên Phú");
        page.getByLabel("Vai trò").selectOption("COMMUNE_STAFF");
        var unit = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true));
        // A search that finds more than the list shows says how many it shows, and to type more.
        unit.pressSequentially("xa");
        assertThat(page.locator("#unitCode-status")).containsText("Hiện 10 đơn vị đầu tiên; gõ thêm để thu hẹp");
        assertThat(page.locator("#unitCode-suggestions [role=option]")).hasCount(10);
        unit.fill("");
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

        // Disabling asks first: cancelling leaves the account as it was, confirming locks it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        logIn(page, "admin", "Demo@2025!");
        page.navigate(url("/users?q=" + username));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(username).setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Khóa tài khoản")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Khóa tài khoản " + username + "?");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hủy")).click();
        assertThat(page.locator("dd").filter(new Locator.FilterOptions().setHasText("Đang hoạt động")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Khóa tài khoản")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Khóa tài khoản")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Đã khóa tài khoản; người dùng không đăng nhập được nữa.");
    }

    /**
     * Enough users that creating them takes a few seconds of bcrypt: the job's page follows the work and shows the
     * result without the administrator reloading it.
     */
    @Test
    void administratorImportsUsersAndFetchesTheirPasswordsOnceTheJobIsDone() {
        StringBuilder file = new StringBuilder("username,display_name,role,unit_code,email\n");
        for (int i = 0; i < 24; i++) {
            file.append(TestAccounts.uniqueUsername("job")).append(",Cán bộ ").append(i).append(",VIEWER,25,\n");
        }
        Page page = browser.page();
        logIn(page, "admin", "Demo@2025!");
        page.navigate(url("/users/import"));
        page.getByLabel("Tệp CSV").setInputFiles(new FilePayload("nguoi-dung.csv", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/users/import/jobs/[0-9a-f-]{36}$"));
        String job = page.url();
        assertThat(page.locator("#job-done")).hasText("Đã tạo 24 người dùng.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem mật khẩu dùng một lần")).click();
        assertThat(page.locator("tbody tr")).hasCount(24);
        assertThat(page.locator("tbody tr").first().locator("code.user-select-all"))
                .hasText(Pattern.compile("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));

        page.navigate(job);
        assertThat(page.locator("#job-taken")).isVisible();
        assertThat(page.locator("#show-passwords")).hasCount(0);
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
