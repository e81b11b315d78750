package org.communedx.web.security;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class ScopeBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void communeStaffCannotOpenAnotherCommuneByEditingTheAddress() {
        Page page = browser.logIn(port, "xa.yenphu", "Demo@2025!");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xã Yên Phú").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Xã Yên Phú"))).isVisible();

        Response response = page.navigate(page.url().replace("/units/05305", "/units/05347"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Không tìm thấy trang")))
                .isVisible();
        assertThat(page.getByText("Ân Nghĩa")).hasCount(0);
    }
}
