package org.communedx.web.unit;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@TrackerIntegrationTest
class UnitBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void administratorImportsAListBrowsesTheTreeAndSearchesWithoutDiacritics() {
        Page page = browser.logIn(port, "admin", UnitIT.DEMO_PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true)).click();
        page.locator("#asOf").fill("2025-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở Tỉnh Hòa Bình")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở Huyện Lạc Sơn")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xã Ân Nghĩa"))).isVisible();

        page.getByLabel("Tìm theo tên hoặc mã").fill("LẠC SƠN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Huyện Lạc Sơn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Huyện Lạc Sơn"))).isVisible();
        assertThat(page.getByText("Đơn vị trực thuộc (24)")).isVisible();

        page.navigate("http://localhost:" + port + "/units/import");
        page.locator("#list-file").setInputFiles(new FilePayload("danh-muc.csv", "text/csv",
                UnitIT.fixture("test-province.csv")));
        page.getByLabel("Ngày của danh mục").fill("2025-03-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập danh mục")).click();
        // Checked at once, written in the background: the job's page reloads itself with the counts once done.
        assertThat(page).hasURL(Pattern.compile(".*/units/import/jobs/[0-9a-f-]{36}$"));
        assertThat(page.getByText("Đã nhập xong.")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Xã/phường");
    }
}
