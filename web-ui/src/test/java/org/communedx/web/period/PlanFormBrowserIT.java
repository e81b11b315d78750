package org.communedx.web.period;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class PlanFormBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A form that changes something is sent once: a second click while the first was on its way made a second plan
     * (or, for a new account, answered "changed meanwhile" in place of the page with its one-time password).
     */
    @Test
    void aFormIsSentOnceHoweverOftenItIsClicked() {
        Page page = browser.logIn(port, "tinh.hoabinh", EntryPages.PASSWORD);
        page.navigate("http://localhost:" + port + "/plans/new");
        @SuppressWarnings("unchecked")
        List<Boolean> refused = (List<Boolean>) page.evaluate("""
                () => {
                  const form = document.querySelector('main form[method=post]');
                  const first = new Event('submit', { bubbles: true, cancelable: true });
                  const second = new Event('submit', { bubbles: true, cancelable: true });
                  form.dispatchEvent(first);
                  form.dispatchEvent(second);
                  return [first.defaultPrevented, second.defaultPrevented];
                }""");
        assertThat(refused).as("the first submission goes, the second does not").containsExactly(false, true);

        page.navigate("http://localhost:" + port + "/plans/new");
        String name = "Kế hoạch nháy đúp " + System.nanoTime();
        page.locator("#name").fill(name);
        page.locator("#scopeUnitCode").fill("157");
        page.locator("#participants").fill("05305");
        page.locator("#targetPercent").fill("30");
        page.locator("#targetCommunes").fill("1");
        page.locator("#startDate").fill("2024-01-01");
        page.locator("#deadline").fill("2025-12-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).dblclick();

        assertThat(page).hasURL(Pattern.compile(".*/plans$"));
        assertThat(jdbc.queryForObject("select count(*) from plan where name = ?", Integer.class, name)).isEqualTo(1);
    }
}
