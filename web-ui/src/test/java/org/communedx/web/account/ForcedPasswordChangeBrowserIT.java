package org.communedx.web.account;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@TrackerIntegrationTest
class ForcedPasswordChangeBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository userAccounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void officialWithAnIssuedPasswordMustChooseTheirOwnBeforeAnythingElse() {
        String username = new TestAccounts(userAccounts, passwordEncoder)
                .createWithPasswordToChange("browser", "Tạm-thời-2025-xyz");
        Page page = browser.page();
        page.navigate(url("/frameworks"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill("Tạm-thời-2025-xyz");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();

        assertThat(page).hasURL(url("/account/password"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Hãy đặt mật khẩu mới của riêng bạn trước khi tiếp tục.");
        assertThat(page.getByLabel("Mật khẩu hiện tại")).isFocused();
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/account/password"));

        choose(page, "Tạm-thời-2025-xyz", "iloveyou123");
        assertThat(page.locator("#newPassword-error")).hasText(
                "Mật khẩu này thuộc loại phổ biến nhất và dễ bị đoán. Hãy chọn mật khẩu khác.");
        assertThat(page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))).hasValue("");

        choose(page, "Tạm-thời-2025-xyz", "Ruộng bậc thang Lạc Sơn");

        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã đổi mật khẩu.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Cần xử lý");
        assertThat(page.locator("#greeting")).hasText("Xin chào, Test " + username);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tài khoản của tôi: Test " + username)).click();
        assertThat(page).hasURL(url("/account"));
    }

    private static void choose(Page page, String current, String chosen) {
        page.getByLabel("Mật khẩu hiện tại").fill(current);
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("Nhập lại mật khẩu mới").fill(chosen);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đổi mật khẩu")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
