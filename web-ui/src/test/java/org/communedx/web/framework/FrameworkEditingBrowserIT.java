package org.communedx.web.framework;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * J4: an administrator changes the framework in a new version, its criteria and its classes, in the browser and without
 * script.
 */
@TrackerIntegrationTest
class FrameworkEditingBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void administratorEditsADraftCloneAndPublishesIt() {
        Page page = browser.logIn(port, "admin", FrameworkIT.DEMO_PASSWORD);
        page.navigate("http://localhost:" + port + "/frameworks/DX-XA/1.0");
        page.getByLabel("Phiên bản mới").fill("1.3-browser");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo bản nháp từ phiên bản này")).click();
        assertThat(page).hasURL("http://localhost:" + port + "/frameworks/DX-XA/1.3-browser");

        // Add a criterion to G1.
        link(page, "Thêm tiêu chí vào G1").click();
        page.getByLabel("Mã tiêu chí, ví dụ G1.C6").fill("G1.C3");
        page.getByLabel("Tên tiếng Việt", new Page.GetByLabelOptions().setExact(true))
                .fill("Tỷ lệ thôn có tổ công nghệ số cộng đồng");
        page.getByLabel("Tên tiếng Anh", new Page.GetByLabelOptions().setExact(true))
                .fill("Villages with a community digital technology team");
        page.getByLabel("Loại đo").selectOption("PERCENT");
        page.getByLabel("Chỉ tiêu", new Page.GetByLabelOptions().setExact(true)).fill("80");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã thêm tiêu chí.");

        // A group's name of one word of 300 letters, which its limit allows, wraps: it made the page 4,570 px wide.
        link(page, "Sửa G6").click();
        page.getByLabel("Tên tiếng Việt", new Page.GetByLabelOptions().setExact(true)).fill("N".repeat(300));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã lưu nhóm.");
        org.assertj.core.api.Assertions.assertThat(
                page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);

        // Edit G1.C1: a target outside the range is refused next to the field, then a good one is saved.
        link(page, "Sửa G1.C1").click();
        Locator target = page.getByLabel("Chỉ tiêu", new Page.GetByLabelOptions().setExact(true));
        target.fill("120");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.getByText("Tiêu chí G1.C1: chỉ tiêu 120 phải từ 0 đến 100.")).isVisible();
        assertThat(target).hasAttribute("aria-invalid", "true");
        target.fill("95");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã lưu tiêu chí.");

        // Reorder: the new criterion moves above G1.C2.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chuyển G1.C3 lên")).click();
        assertThat(codes(page, "G1")).containsText(new String[] { "G1.C1", "G1.C3", "G1.C2" });

        // Remove G6.C5, after confirming on its own page.
        link(page, "Xóa G6.C5").click();
        assertThat(page.getByText("Không thể hoàn tác thao tác này.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xóa G6.C5")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã xóa tiêu chí.");

        // Classes, in one form: two rows out of order are refused at the field, put right, then a third row added.
        link(page, "Sửa xếp loại").click();
        field(page, "Tên tiếng Việt, dòng 1").fill("Khá");
        field(page, "Tên tiếng Anh, dòng 1").fill("Fair");
        field(page, "Ngưỡng, dòng 1").fill("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm dòng")).click();
        field(page, "Tên tiếng Việt, dòng 2").fill("Tốt");
        field(page, "Tên tiếng Anh, dòng 2").fill("Good");
        field(page, "Ngưỡng, dòng 2").fill("80");
        field(page, "Ngưỡng, dòng 2").press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(
                "Dòng 2: Mức xếp loại “Tốt”: ngưỡng 80 phải thấp hơn ngưỡng 50 của mức “Khá” đứng trước");
        assertThat(field(page, "Ngưỡng, dòng 2")).hasAttribute("aria-invalid", "true");
        field(page, "Ngưỡng, dòng 1").fill("80");
        field(page, "Ngưỡng, dòng 2").fill("50");
        field(page, "Tên tiếng Việt, dòng 1").fill("Tốt");
        field(page, "Tên tiếng Anh, dòng 1").fill("Good");
        field(page, "Tên tiếng Việt, dòng 2").fill("Khá");
        field(page, "Tên tiếng Anh, dòng 2").fill("Fair");
        field(page, "Tên tiếng Việt, dòng 3").fill("Yếu");
        field(page, "Tên tiếng Anh, dòng 3").fill("Weak");
        field(page, "Ngưỡng, dòng 3").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã lưu mức xếp loại.");
        assertThat(page.locator("#score-classes li")).containsText(new String[] { "Tốt: từ 80", "Khá: từ 50",
                "Yếu: từ 0" });

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ban hành")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ban hành")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Đã ban hành phiên bản.");
        assertThat(page.getByText("phiên bản 1.3-browser: 6 nhóm tiêu chí, 27 tiêu chí thành phần")).isVisible();
        assertThat(codes(page, "G1")).containsText(new String[] { "G1.C1", "G1.C3", "G1.C2" });
        assertThat(page.getByText("Tỷ lệ thôn có tổ công nghệ số cộng đồng")).isVisible();
        assertThat(page.locator("#main")).containsText("≥\u00a095%");
        assertThat(codes(page, "G6")).hasCount(4);
        assertThat(page.locator("#score-classes li")).hasCount(3);
        assertThat(link(page, "Sửa G1.C1")).hasCount(0);
        assertThat(link(page, "Sửa xếp loại")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chuyển G1.C3 lên")))
                .hasCount(0);
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator codes(Page page, String group) {
        return page.locator("section[aria-labelledby='group-" + group + "'] tbody tr td:first-child");
    }
}
