package org.communedx.web.entry;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.format.Formats;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * Period closing and evidence validity in a browser, on periods of their own (EntryPages) for Xã Yên Phú, whose
 * reviewer in 2019 is Lạc Sơn district's official: a period closed by its deadline and grace tells the commune so
 * and offers it no form; the reviewer reopens one criterion for it, by keyboard, with a reason; the commune then
 * changes and submits that criterion. A file uploaded with a validity already over is listed with its dates, and its
 * criterion is flagged on the scorecard and in "Why this figure?".
 */
@TrackerIntegrationTest
class ClosingAndValidityBrowserIT {

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

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClosedPeriodRefusesTheCommuneUntilAReviewerReopensOneCriterionForIt() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate deadline = today.minusDays(10);
        long period = new EntryPages(frameworks, periods, transaction).newPeriod(2019, deadline);
        jdbc.update("update period set grace_days = 3 where id = ?", period);
        String closing = "Hạn nộp " + Formats.day(deadline) + ", gia hạn 3 ngày → khóa sau ngày "
                + Formats.day(deadline.plusDays(3));

        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#deadline-passed")).containsText(closing);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G1.C1")).click();
        assertThat(page.locator("#deadline-passed")).containsText(closing);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị"))).hasCount(0);
        assertThat(page.locator("#evidence form")).hasCount(0);
        String entryPage = page.url();

        browser.logIn(port, "huyen.lacson", PASSWORD);
        page.navigate(entryPage);
        Locator reason = page.getByLabel("Lý do mở lại cho xã (bắt buộc)");
        assertThat(reason).hasAttribute("maxlength", "2000");
        assertThat(page.locator("#reopen-for-commune-help")).containsText(Formats.day(deadline.plusDays(3)));
        reason.focus();
        page.keyboard().type("Bổ sung số liệu tập huấn");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mở lại cho xã")))
                .isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Đã mở lại tiêu chí cho xã")).isVisible();
        assertThat(page.locator("#entry-status")).hasText("Bị trả lại");
        assertThat(page.locator("#entry-reason")).hasText("Bổ sung số liệu tập huấn");
        assertThat(page.locator("#history")).containsText("Mở lại cho xã sau khi khóa kỳ");
        // A refusal takes the focus, there where the address leads (the comments), so that it is read out.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi trao đổi")).click();
        assertThat(page.locator("#comment-refusal")).isFocused();
        // So does the word that a comment was posted: in the thread, where the page opens, not at its top.
        page.getByLabel("Viết trao đổi").fill("Xin gửi thêm danh sách tập huấn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi trao đổi")).click();
        assertThat(page.locator("#comments #comment-posted")).isFocused();

        browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#reopened-count")).containsText("mở lại 1 tiêu chí");
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("G1.C1"))))).containsText("Đã mở lại cho xã");
        // The criterion is the to-do list's only item, as returned to the commune: nothing it can no longer do is
        // listed. The table's link opens it.
        assertThat(page.locator("#todo-returned")).containsText("G1.C1");
        assertThat(page.locator("#todo-not-started")).hasCount(0);
        assertThat(page.locator("#todo-drafts")).hasCount(0);
        page.locator("a.stack-open").filter(new Locator.FilterOptions().setHasText("G1.C1")).click();
        assertThat(page.locator("#reopened-for-commune")).isVisible();
        assertThat(page.locator("#deadline-passed")).hasCount(0);
        page.getByLabel("Tử số").fill("18");
        page.getByLabel("Mẫu số").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        assertThat(page.locator("#entry-value")).hasText("18/20 (90,00%)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(page.locator("#entry-status")).hasText("Đã gửi");
        assertThat(page.locator("#reopened-for-commune")).hasCount(0);
        // Closed again once submitted.
        assertThat(page.locator("#deadline-passed")).isVisible();

        page.navigate("http://localhost:" + port + EntryPages.criterion("05305", period, "G1.C2"));
        assertThat(page.locator("#deadline-passed")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị"))).hasCount(0);
    }

    /** In force for half of the period's year (2019), the document has expired since. */
    @Test
    void aFileUploadedWithItsValidityOverFlagsItsCriterion() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate("http://localhost:" + port + EntryPages.criterion("05305", period, "G2.C3"));

        page.locator("#evidence-file").setInputFiles(
                new FilePayload("quyet-dinh.pdf", "application/pdf", SampleFiles.pdf(1)));
        page.locator("#evidence-title").fill("Quyết định thành lập tổ công nghệ số");
        page.locator("#evidence-date").fill("2018-12-20");
        page.locator("#evidence-issuer").fill("UBND xã Yên Phú");
        page.getByLabel("Có hiệu lực từ ngày").fill("2019-01-01");
        page.getByLabel("Hiệu lực đến hết ngày").fill("2019-06-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
        assertThat(page.getByText("Đã tải lên tệp minh chứng.")).isVisible();
        Locator file = page.locator("#evidence li").first();
        assertThat(file).containsText("Có hiệu lực từ 01/01/2019 đến hết 30/06/2019");
        assertThat(file).containsText("Đã hết hiệu lực");
        assertThat(page.locator("#evidence-all-expired")).containsText("đều đã hết hiệu lực");

        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("G2.C3"))));
        assertThat(row.locator(".evidence-expired")).hasText("Minh chứng hết hiệu lực");
        assertThat(page.locator(".evidence-expired")).hasCount(1);
        page.locator("#explain-overall").click();
        assertThat(page.locator("#explain-table .evidence-expired")).hasCount(1);
        assertThat(page.locator("#explain-table")).containsText("đều đã hết hiệu lực");
        // On paper too: the report says it under the criterion's status.
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period + "/report");
        assertThat(page.locator(".note-expired")).hasCount(1);
        assertThat(page.locator(".note-expired")).hasText("Minh chứng hết hiệu lực");
    }
}
