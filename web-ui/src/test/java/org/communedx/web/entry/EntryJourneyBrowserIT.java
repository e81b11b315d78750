package org.communedx.web.entry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * Journeys J1 and J2 in a browser: on the demo period with evidence, and the value part alone (a submission refused
 * for want of evidence; bulk approval on a test framework whose criteria need none).
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
        // The demo's 2026 period is on the points version DX-XA 2.0, which gives partial credit.
        assertThat(page.locator("#scorecard-rounding")).containsText(
                "giá trị chưa đạt chỉ tiêu có thể được một phần điểm");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G1.C2")).click();
        // What the two numbers count, in the sample index's description.
        assertThat(page.locator("main")).containsText("Tử số: số người dân trưởng thành, doanh nghiệp, tổ chức");
        // How a value earns its points, said before there is one: the bands in words, with the decimal comma.
        assertThat(page.locator("#entry-rule")).containsText("Theo bậc giá trị, mỗi bậc một số điểm (tối đa 50 điểm).");
        assertThat(page.locator("#entry-rule li")).hasText(new String[] { "Từ 0 đến dưới 50: 0 điểm",
                "Từ 50 đến dưới 80: 20 điểm", "Từ 80 đến dưới 100: 35 điểm", "Từ 100 trở lên: 50 điểm" });
        // A value refused comes back with the focus on the field at fault, which names its error.
        page.getByLabel("Tử số").fill("150");
        page.getByLabel("Mẫu số").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        Locator numerator = page.getByLabel("Tử số");
        assertThat(numerator).isFocused();
        assertThat(numerator).hasAttribute("aria-invalid", "true");
        assertThat(numerator).hasAttribute("aria-describedby", "numerator-error percent-help");
        assertThat(page.locator("#numerator-error")).isVisible();

        page.getByLabel("Tử số").fill("50");
        page.getByLabel("Mẫu số").fill("100");
        page.getByLabel("Giải trình").fill("Theo sổ theo dõi phát thanh");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();

        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();
        assertThat(page.locator("#entry-value")).hasText("50/100 (50,00%)");
        assertThat(page.locator("#entry-met")).hasText("Chưa đạt");
        // What the partial value earns on the points version, as the scorecard shows it, for the reviewer to weigh.
        assertThat(page.locator("#entry-points")).hasText(Pattern.compile("\\d+,\\d{2} / \\d+ điểm"));

        // The criterion wants a file: said where the submit button would be, before a refused round trip.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt"))).hasCount(0);
        assertThat(page.locator("#submit-needs-evidence")).containsText(
                "Tiêu chí này cần ít nhất một tệp minh chứng trước khi gửi duyệt.");
        page.locator("#submit-needs-evidence a").click();
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("#evidence-heading");
        assertThat(page.locator("#entry-status")).hasText("Đang soạn");
    }

    /**
     * A second tap on a slow link sent the value twice, and the history gained an empty change: once sent, the form's
     * button is disabled until the next page, so that a second tap does nothing.
     */
    @Test
    void aSaveOnItsWayCannotBeSentAgain() {
        Page page = yenPhusFirstCriterionInANewPeriod();
        page.getByLabel("Tử số").fill("17");
        page.getByLabel("Mẫu số").fill("20");

        // The tap and, in the same moment, the button's state: the page it leads to has not come yet.
        Object disabledOnItsWay = page.evaluate("""
                () => {
                    const save = document.querySelector('form[action$="/value"] button[type=submit]');
                    save.click();
                    return save.disabled;
                }""");

        assertThat(disabledOnItsWay).isEqualTo(true);
        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị"))).isEnabled();
    }

    /**
     * A number field dropped the comma of "12,5" as it was typed, and 125 was saved as if typed: the value reaches the
     * server as typed, which refuses it as no whole number and hands it back for correcting.
     */
    @Test
    void aDecimalCommaIsRefusedAsTypedNotSavedTenTimesOver() {
        Page page = yenPhusFirstCriterionInANewPeriod();
        page.getByLabel("Tử số").pressSequentially("12,5");
        page.getByLabel("Mẫu số").pressSequentially("1000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();

        Locator numerator = page.getByLabel("Tử số");
        assertThat(numerator).isFocused();
        assertThat(numerator).hasValue("12,5");
        assertThat(page.locator("#numerator-error")).hasText("Hãy nhập một số nguyên.");
        assertThat(page.getByText("Đã lưu giá trị.")).not().isVisible();
        // A percent version has no points to show, nor a rule that earns them.
        assertThat(page.locator("#entry-points")).hasCount(0);
        assertThat(page.locator("#entry-rule")).hasCount(0);
    }

    /**
     * A file over 25 MB is refused in the browser, with the server's message, before a byte of it is sent. The file
     * is chosen from the disk, as staff choose it: Playwright gives Chromium its path, where a file held in the test's
     * memory would travel to the browser over Playwright's protocol, 26 MB in base64 (some 45 s).
     */
    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsSent(@TempDir Path files) throws IOException {
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G2.C3")).click();
        List<String> uploads = new ArrayList<>();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().contains("/evidence")) {
                uploads.add(request.url());
            }
        });

        Path tooLarge = files.resolve("ban-do-so.pdf");
        try (RandomAccessFile file = new RandomAccessFile(tooLarge.toFile(), "rw")) {
            file.setLength(26L * 1024 * 1024);
        }
        page.locator("#evidence-file").setInputFiles(tooLarge);
        page.locator("#evidence-title").fill("Bản đồ số");
        page.locator("#evidence-date").fill("2026-03-15");
        page.locator("#evidence-issuer").fill("UBND xã Yên Phú");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Tệp lớn hơn 25 MB; chưa có gì được lưu.");
        assertThat(page.locator("#evidence-file")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#evidence-file")).hasAttribute("aria-describedby",
                "evidence-file-help evidence-file-too-large");
        assertThat(page.locator("#evidence li")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(uploads).isEmpty();

        page.locator("#evidence-file").setInputFiles(
                new FilePayload("ban-do-so.pdf", "application/pdf", SampleFiles.pdf(1)));
        assertThat(page.locator("#evidence-file-too-large")).isHidden();
        assertThat(page.locator("#evidence-file")).hasAttribute("aria-describedby", "evidence-file-help");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
        assertThat(page.getByText("Đã tải lên tệp minh chứng.")).isVisible();
        assertThat(page.locator("#evidence li")).hasCount(1);
    }

    /**
     * J1 and J2 on the demo period, with evidence: staff submit a PERCENT criterion with a PDF and a photo; the
     * provincial manager of the new Tỉnh Phú Thọ (no district stands between it and the new Yên Phú since the 2025
     * reform) returns it, staff correct the value, add a file and resubmit, the manager sees the new value
     * and the added file (in the queue and on the entry page) and approves, and the commune's verified score rises by
     * exactly the criterion's points. The demo's 2026 period is on the points version DX-XA 2.0, where G1.C1 is
     * PROPORTIONAL with a maximum of 50 against a target of 100%: 20/20 earns all 50 of 1,000.
     */
    @Test
    void journeysJ1AndJ2WithEvidenceReturnResubmitAndApprove() {
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        String scorecard = page.url();
        BigDecimal verifiedBefore = points(page.locator("#verified-overall").textContent());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G1.C1")).click();
        page.getByLabel("Tử số").fill("18");
        page.getByLabel("Mẫu số").fill("20");
        page.getByLabel("Giải trình").fill("Theo danh sách tập huấn năm 2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        assertThat(page.locator("#entry-value")).hasText("18/20 (90,00%)");
        upload(page, new FilePayload("danh-sach-tap-huan.pdf", "application/pdf", SampleFiles.pdf(2)),
                "Danh sách tập huấn kỹ năng số");
        upload(page, new FilePayload("anh-lop-hoc.jpg", "image/jpeg", SampleFiles.jpeg()), "Ảnh lớp tập huấn");
        assertThat(page.locator("#evidence img")).hasCount(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(page.locator("#entry-status")).hasText("Đã gửi");
        // The first save stored the commune's entries: the entry has its own address, which the queue links to.
        String entryPage = page.url();
        org.assertj.core.api.Assertions.assertThat(entryPage).contains("/entries/");

        browser.logIn(port, "tinh.phutho", PASSWORD);
        page.locator("#nav-reviews").click();
        assertThat(page.locator("main")).containsText("Xã Yên Phú");
        page.locator("a[href='" + entryPage.substring(entryPage.indexOf("/entries/")) + "']").first().click();
        assertThat(page.locator("#evidence")).containsText("Danh sách tập huấn kỹ năng số");
        page.getByLabel("Lý do (bắt buộc)").fill("Số cán bộ được tập huấn chưa khớp danh sách");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lại")).click();
        assertThat(page.locator("#entry-status")).hasText("Bị trả lại");

        browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate(entryPage);
        assertThat(page.locator("main")).containsText("Số cán bộ được tập huấn chưa khớp danh sách");
        page.getByLabel("Tử số").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        upload(page, new FilePayload("danh-sach-bo-sung.pdf", "application/pdf", SampleFiles.pdf(1)),
                "Danh sách bổ sung hai cán bộ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(page.locator("#entry-status")).hasText("Đã gửi");

        browser.logIn(port, "tinh.phutho", PASSWORD);
        page.locator("#nav-reviews").click();
        String entryId = entryPage.substring(entryPage.lastIndexOf('/') + 1);
        assertThat(page.locator("#since-added-" + entryId)).containsText("danh-sach-bo-sung.pdf");
        Locator files = page.locator("#queue-" + entryId + " .queue-evidence");
        assertThat(files).containsText("danh-sach-tap-huan.pdf");
        assertThat(files).containsText("danh-sach-bo-sung.pdf");
        Locator thumbnail = files.getByAltText("Ảnh lớp tập huấn");
        thumbnail.scrollIntoViewIfNeeded();
        page.waitForFunction("image => image.complete && image.naturalWidth > 0", thumbnail.elementHandle());
        page.navigate(entryPage);
        assertThat(page.locator("main")).containsText("18/20");
        assertThat(page.locator("main")).containsText("20/20");
        assertThat(page.locator("#since-evidence-added")).containsText("Danh sách bổ sung hai cán bộ");
        assertThat(page.locator("#since-evidence-added")).containsText("danh-sach-bo-sung.pdf");
        assertThat(page.locator("#since-evidence-removed")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true)).click();
        assertThat(page.locator("#entry-status")).hasText("Đã duyệt");

        browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate(scorecard);
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("G1.C1"))))).containsText("50,00 / 50 điểm");
        assertThat(page.locator("#verified-overall")).containsText("/ 1.000 điểm");
        org.assertj.core.api.Assertions.assertThat(points(page.locator("#verified-overall").textContent()))
                .isEqualByComparingTo(verifiedBefore.add(BigDecimal.valueOf(50)));
    }

    /** Yên Phú's staff on G1.C1 (a percent) of a period of their own, which nothing else has written in. */
    private Page yenPhusFirstCriterionInANewPeriod() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate("http://localhost:" + port + EntryPages.criterion("05305", period, "G1.C1"));
        return page;
    }

    private static void upload(Page page, FilePayload file, String title) {
        page.locator("#evidence-file").setInputFiles(file);
        page.locator("#evidence-title").fill(title);
        page.locator("#evidence-date").fill("2026-03-15");
        page.locator("#evidence-issuer").fill("UBND xã Yên Phú");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
        assertThat(page.getByText("Đã tải lên tệp minh chứng.")).isVisible();
    }

    /** "1.045,50 / 1.000 điểm" as 1045.50; a scorecard with nothing applicable shows "—", which counts as 0. */
    private static BigDecimal points(String shown) {
        Matcher figure = Pattern.compile("^\\s*([0-9.]+,[0-9]+) / ").matcher(shown);
        return figure.find() ? new BigDecimal(figure.group(1).replace(".", "").replace(',', '.')) : BigDecimal.ZERO;
    }

    @Test
    void districtOfficialApprovesASubmissionFromTheQueue() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, entry);

        Page page = browser.logIn(port, "huyen.lacson", PASSWORD);
        page.locator("#nav-reviews").click();
        page.getByLabel("Kỳ đánh giá").selectOption(String.valueOf(period));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        Locator selectAll = page.getByLabel("Chọn tất cả tiêu chí trong danh sách");
        selectAll.focus();
        page.keyboard().press("Space");
        assertThat(page.locator("#select-" + entry)).isChecked();
        page.locator("#select-" + entry).uncheck();
        assertThat(selectAll).not().isChecked();
        selectAll.press("Space");
        assertThat(page.locator("#select-" + entry)).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt các tiêu chí đã chọn")).click();

        assertThat(page.locator("#outcomes")).containsText("G1.C1: Đã duyệt.");
        // Read out, as every outcome is: a status already on the page as it loads is not.
        assertThat(page.locator("#outcomes")).isFocused();
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#verified-overall")).hasText("25,0%");
    }

    /**
     * Every saved criterion submitted from the scorecard in one action, by the keyboard, with a summary of what was
     * submitted and what was left and why: here a not-applicable request the reviewer returned, not corrected since.
     */
    @Test
    void communeStaffSubmitEverySavedCriterionFromTheScorecardInOneAction() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        long level = EntryPages.entryId(staff, "05305", period, "G1.C2");
        EntryPages.post(staff, level, "value", "version=" + EntryPages.version(staff, level) + "&level=3");
        long count = EntryPages.entryId(staff, "05305", period, "G2.C4");
        EntryPages.post(staff, count, "not-applicable", "version=" + EntryPages.version(staff, count)
                + "&explanation=" + EntryPages.encode("Xã chưa có điểm bưu điện"));
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        EntryPages.post(reviewer, count, "return", "version=" + EntryPages.version(reviewer, count) + "&reason="
                + EntryPages.encode("Xã có một điểm bưu điện văn hóa"));

        Page page = browser.logIn(port, "xa.yenphu", PASSWORD);
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        Locator submitAll = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Gửi duyệt tất cả tiêu chí đã lưu (2)"));
        submitAll.focus();
        page.keyboard().press("Enter");

        Locator summary = page.locator("#submit-all-summary");
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Đã gửi duyệt 2 tiêu chí.");
        assertThat(summary.locator("li")).hasText(new String[] { "G1.C1 Tiêu chí G1.C1", "G1.C2 Tiêu chí G1.C2",
                "G2.C4 Tiêu chí G2.C4: Bị trả lại và chưa có giá trị mới từ đó: hãy sửa theo lý do rồi gửi lại từ "
                        + "trang của tiêu chí." });
        assertThat(summary).containsText("Chưa gửi 1 tiêu chí:");
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("G1.C2"))))).containsText("Đã gửi");
        // A returned entry is no draft to send: nothing is left for the button.
        assertThat(page.locator("#submit-all")).hasCount(0);

        browser.logIn(port, "huyen.lacson", PASSWORD);
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#submit-all")).hasCount(0);
    }
}
