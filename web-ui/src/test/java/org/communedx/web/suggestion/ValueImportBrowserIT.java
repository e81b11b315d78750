package org.communedx.web.suggestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A provincial manager imports a large file of values in the browser: the job's page shows the progress bar while
 * the file is read, then the result with its report to download.
 */
@TrackerIntegrationTest
class ValueImportBrowserIT {

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
    BackgroundJobs jobs;

    @Test
    void aLargeFileShowsItsProgressThenItsResult() throws IOException {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        Page page = browser.logIn(port, ValueImportIT.MANAGER, ValueImportIT.PASSWORD);

        page.navigate("http://localhost:" + port + "/periods");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                Pattern.compile("Nhập giá trị từ tệp cho kỳ .*"))).last().click();
        assertThat(page).hasURL(Pattern.compile(".*/periods/[0-9]+/value-import$"));
        page.navigate("http://localhost:" + port + "/periods/" + period + "/value-import");
        assertThat(page.getByText("chỉ là giá trị đề xuất").first()).isVisible();

        page.getByLabel("Tệp giá trị (CSV hoặc XLSX)").setInputFiles(large());
        // The one background worker is held by another job, so the import is seen waiting whatever the machine's
        // speed, then seen running and done once the worker is let go.
        CountDownLatch release = new CountDownLatch(1);
        jobs.start("test-hold", progress -> TestWait.released(release));
        try {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nhập").setExact(true)).click();

            assertThat(page).hasURL(Pattern.compile(".*/value-import/jobs/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.PROGRESSBAR)).isVisible();
            assertThat(page.locator("#job-status")).hasText(Pattern.compile(".*Đang chờ.*"));
        }
        finally {
            release.countDown();
        }
        // The page polls and reloads itself once the job is done.
        assertThat(page.getByText("Đã nhận 3 giá trị đề xuất")).isVisible();
        Download report = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải báo cáo các giá trị đã nhập (CSV)")).click());
        org.assertj.core.api.Assertions.assertThat(report.suggestedFilename()).endsWith(".csv");
    }

    /**
     * Some 50 MB: notes (rows starting with #, skipped) that take the reading a few seconds, around three values.
     */
    private static Path large() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("commune_code,criterion_code,value\n05305,G1.C1,18/20\n05305,G1.C2,2\n"
                .getBytes(StandardCharsets.UTF_8));
        byte[] note = ("# " + "ghi chú ".repeat(90) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 60_000; i++) {
            out.writeBytes(note);
        }
        out.writeBytes("05302,G1.C1,1/2\n".getBytes(StandardCharsets.UTF_8));
        // A file, not a buffer: Playwright takes buffers of at most 50 MB.
        Path file = Files.createTempDirectory("value-import").resolve("lon.csv");
        Files.write(file, out.toByteArray());
        file.toFile().deleteOnExit();
        return file;
    }
}
