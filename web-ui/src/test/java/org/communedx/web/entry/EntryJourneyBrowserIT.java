package org.communedx.web.entry;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * The value part of journeys J1 and J2 in a browser, without evidence. Every DX-XA 1.0 criterion requires
 * evidence, so on the demo period commune staff save a value and see the submission refused with its reason; the
 * review is shown on a test framework whose criteria need none.
 */
@TrackerIntegrationTest
class EntryJourneyBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void communeStaffEnterAValueFromTheirScorecardAndAreToldWhySubmittingWaitsForEvidence() {
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bảng điểm Xã Yên Phú — Năm 2026")))
                .isVisible();
        assertThat(page.getByText("làm tròn đến một chữ số thập phân", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G1.C2")).click();
        page.getByLabel("Tử số").fill("50");
        page.getByLabel("Mẫu số").fill("100");
        page.getByLabel("Giải trình").fill("Theo sổ theo dõi phát thanh");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();

        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();
        assertThat(page.locator("#entry-value")).hasText("50/100 (50,00%)");
        assertThat(page.locator("#entry-met")).hasText("Chưa đạt");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText(
                "Tiêu chí này cần ít nhất một tài liệu minh chứng trước khi gửi.");
        assertThat(page.locator("#entry-status")).hasText("Đang soạn");
    }

    @Test
    void districtOfficialApprovesASubmissionFromTheQueue() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        EntryPages.savePercent(staff, entry, 18, 20);
        EntryPages.submit(staff, entry);

        Page page = browser.logIn(port, "huyen.lacson", PASSWORD);
        page.locator("#nav-reviews").click();
        page.getByLabel("Kỳ đánh giá").selectOption(String.valueOf(period));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        page.locator("#select-" + entry).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt các tiêu chí đã chọn")).click();

        assertThat(page.locator("#outcomes")).containsText("G1.C1: Đã duyệt.");
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#verified-overall")).hasText("25,0%");
    }
}
