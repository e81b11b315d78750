package org.communedx.web.cache;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
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
 * Back to a page the browser keeps with an ETag (a scorecard, a dashboard) shows what was done since: the browser's
 * own copy, which Back shows without asking, still said the criterion was not started.
 */
@TrackerIntegrationTest
class ReturnToPageBrowserIT {

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
    void backToTheScorecardAfterASaveShowsTheSave() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        Page page = browser.logIn(port, "xa.yenphu", EntryPages.PASSWORD);
        String scorecard = "http://localhost:" + port + "/communes/05305/periods/" + period;
        page.navigate(scorecard);
        assertThat(page.locator("#todo-not-started")).containsText("4");
        assertThat(page.locator("#todo-drafts")).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^G1\\.C2"))).first().click();
        page.getByLabel("Mức độ (0–3)").selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();

        page.goBack();
        Browser.backToKeptPage(page);
        assertThat(page).hasURL(scorecard);
        assertThat(page.locator("#todo-drafts")).containsText("1");
        assertThat(page.locator("#todo-not-started")).containsText("3");
    }
}
