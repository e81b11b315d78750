package org.communedx.web.accessibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque's, injected through Playwright) over every main page, as each role opens it, against WCAG 2.1 A and
 * AA: no serious or critical violation on any of them, and no error or warning in the browser's console. Moderate
 * and minor findings are left to review by hand.
 */
@TrackerIntegrationTest
class AccessibilityBrowserIT {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Test
    void noMainPageHasASeriousOrCriticalViolationOrAConsoleError() {
        long current = periods.findByName("Năm 2026").orElseThrow().getId();
        String scorecard = "/communes/05305/periods/" + current;
        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("xa.yenphu", List.of(scorecard, scorecard + "/criteria/G1.C2", scorecard + "/explain", "/account"));
        pages.put("huyen.lacson", List.of("/reviews", "/units/157/dashboard"));
        pages.put("tinh.phutho", List.of("/units/25/dashboard", "/units/25/periods/" + current + "/ranking",
                "/plans", "/periods"));
        pages.put("admin", List.of("/", "/dashboard/national", "/users", "/users/new", "/users/import", "/units",
                "/frameworks", "/audit"));
        // What the browser reports as an error or a warning while these pages load and run (a header it cannot parse,
        // a script that throws, a resource the Content-Security-Policy blocks), with the page it came from.
        List<String> consoleErrors = new ArrayList<>();
        browser.page().onConsoleMessage(message -> {
            if (Set.of("error", "warning").contains(message.type())) {
                consoleErrors.add(browser.page().url() + ": " + message.text());
            }
        });
        browser.page().onPageError(error -> consoleErrors.add(browser.page().url() + ": " + error));
        List<String> found = new ArrayList<>(check(browser.page(), "anonymous", List.of("/login")));

        pages.forEach((user, paths) -> {
            Page page = browser.logIn(port, user, EntryPages.PASSWORD);
            found.addAll(check(page, user, paths));
        });

        assertThat(found).as("serious or critical WCAG 2.1 AA violations").isEmpty();
        assertThat(consoleErrors).as("errors and warnings in the browser's console").isEmpty();
    }

    private List<String> check(Page page, String user, List<String> paths) {
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            page.navigate("http://localhost:" + port + path);
            AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
            for (Rule violation : results.getViolations()) {
                if (BLOCKING.contains(violation.getImpact())) {
                    found.add(user + " " + path + ": " + violation.getId() + " (" + violation.getImpact() + ") at "
                            + violation.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget()))
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
        return found;
    }
}
