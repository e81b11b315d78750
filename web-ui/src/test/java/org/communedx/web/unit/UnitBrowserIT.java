package org.communedx.web.unit;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
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
        assertThat(page.locator("#job-done")).isFocused();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Xã/phường");
    }

    /** What was done is said where the focus lands, so that a screen reader reads it out on the new page. */
    @Test
    void theSavedMessageAndARefusalEachTakeTheFocus() {
        Page page = browser.logIn(port, "admin", UnitIT.DEMO_PASSWORD);
        page.navigate("http://localhost:" + port + "/units/153?asOf=2025-06-30");
        Locator title = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions()
                .setName("Chức danh người ký báo cáo"));
        try {
            title.fill("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chức danh")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã lưu chức danh người ký báo cáo.");
            assertThat(page.getByRole(AriaRole.STATUS)).isFocused();

            // The field's own limit is taken off, as a crafted post would: the title comes back as typed.
            title.evaluate("field => field.removeAttribute('maxlength')");
            title.fill("X".repeat(101));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chức danh")).click();
            assertThat(title).isFocused();
            assertThat(title).hasValue("X".repeat(101));
            assertThat(title)
                    .hasAccessibleDescription(Pattern.compile("^Chức danh người ký có tối đa 100 ký tự.*"));
            assertThat(page.locator("#unit-signer")).hasText("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH");
        }
        finally {
            title.fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu chức danh")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã lưu chức danh người ký báo cáo.");
        }
    }
}
