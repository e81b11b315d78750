package org.communedx.web.cache;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.revision.DataRevision;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.WebClient.csrfToken;

/**
 * Kept pages: served again without rendering until the application writes, and only to the user, language and
 * session they fit. Each test renames its period behind the application's back, a write the revision does not see:
 * a page that still shows the old name was served as kept, one that shows the new name was rendered afresh.
 */
@TrackerIntegrationTest
class RenderedPagesIT {

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

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DataRevision revision;

    long period;

    String scorecard;

    /** Period names are unique. */
    String renamed;

    @BeforeEach
    void aPeriodOfItsOwn() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        scorecard = "/communes/05305/periods/" + period;
        renamed = "Kỳ đổi tên ngoài ứng dụng " + period;
    }

    @Test
    void aKeptPageIsServedUntilTheApplicationNextWrites() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        assertThat(staff.get(scorecard).statusCode()).isEqualTo(200);
        renameBehindTheApplicationsBack();

        assertThat(staff.get(scorecard).body()).as("served as kept").doesNotContain(renamed);

        EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");
        assertThat(staff.get(scorecard).body()).as("rendered afresh after a write").contains(renamed);
    }

    /**
     * Submitting all with nothing saved writes nothing, so the scorecard it comes back to is still kept; the summary
     * that says nothing was submitted must show all the same, and once only.
     */
    @Test
    void aMessageAfterARedirectShowsEvenWhenNothingWasWritten() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        HttpResponse<String> first = staff.get(scorecard);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long before = revision.current();

        HttpResponse<String> submitAll = staff.post(scorecard + "/submit-all", "_csrf=" + csrfToken(first));
        assertThat(submitAll.statusCode()).isEqualTo(302);
        assertThat(revision.current()).as("nothing was written").isEqualTo(before);

        HttpResponse<String> back = conditionalGet(staff, scorecard, etag);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("id=\"submit-all-summary\"");
        assertThat(staff.get(scorecard).body()).as("shown once").doesNotContain("id=\"submit-all-summary\"");
    }

    @Test
    void aKeptPageCarriesAFreshTokenOfTheSessionItIsServedTo() {
        WebClient first = new WebClient(port).login("huyen.lacson", PASSWORD);
        WebClient second = new WebClient(port).login("huyen.lacson", PASSWORD);
        first.get(scorecard);
        String firstToken = csrfToken(first.get(scorecard));
        renameBehindTheApplicationsBack();

        HttpResponse<String> kept = second.get(scorecard);
        HttpResponse<String> keptAgain = second.get(scorecard);

        assertThat(kept.body()).as("served as kept").doesNotContain(renamed);
        assertThat(csrfToken(kept)).isNotEqualTo(firstToken).isNotEqualTo(csrfToken(keptAgain));
        HttpResponse<String> logout = second.post("/logout", "_csrf=" + csrfToken(keptAgain));
        assertThat(logout.statusCode()).as("the kept page's token is the session's own").isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?logout"));
    }

    @Test
    void aPageKeptForOneUserIsNeverServedToAnotherOfTheSameRole() {
        TestAccounts testAccounts = new TestAccounts(accounts, passwordEncoder);
        String oneAdministrator = testAccounts.create("kept", PASSWORD);
        String another = testAccounts.create("kept", PASSWORD);
        WebClient first = new WebClient(port).login(oneAdministrator, PASSWORD);
        WebClient second = new WebClient(port).login(another, PASSWORD);
        WebClient lacSon = new WebClient(port).login("huyen.lacson", PASSWORD);
        WebClient kimBoi = new WebClient(port).login("huyen.kimboi", PASSWORD);
        first.get(scorecard);
        first.get(scorecard);
        lacSon.get(scorecard);
        lacSon.get(scorecard);

        assertThat(second.get(scorecard).body()).as("the menu names its user").contains(">Test " + another + "</span>")
                .doesNotContain(">Test " + oneAdministrator + "</span>");
        assertThat(kimBoi.get(scorecard).statusCode()).as("Yên Phú is in Lạc Sơn, not Kim Bôi").isEqualTo(404);
    }

    @Test
    void aPageIsKeptPerLanguage() {
        WebClient district = new WebClient(port).login("huyen.lacson", PASSWORD);
        district.get(scorecard);
        assertThat(district.get(scorecard).body()).contains("Đăng xuất");

        assertThat(district.get(scorecard + "?lang=en").body()).contains("Log out");
        assertThat(district.get(scorecard).body()).as("the language the cookie now chooses").contains("Log out");
    }

    @Test
    void aPageAnswersNotModifiedUntilTheApplicationNextWrites() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        HttpResponse<String> first = staff.get(scorecard);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

        HttpResponse<String> again = conditionalGet(staff, scorecard, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");
        HttpResponse<String> afterWrite = conditionalGet(staff, scorecard, etag);
        assertThat(afterWrite.statusCode()).as("rendered afresh after a write").isEqualTo(200);
        assertThat(afterWrite.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
    }

    @Test
    void anETagHoldsOnlyForItsSessionAndLanguage() {
        WebClient first = new WebClient(port).login("huyen.lacson", PASSWORD);
        WebClient second = new WebClient(port).login("huyen.lacson", PASSWORD);
        String etag = first.get(scorecard).headers().firstValue("ETag").orElseThrow();

        assertThat(conditionalGet(second, scorecard, etag).statusCode())
                .as("another session's copy holds another CSRF token").isEqualTo(200);
        assertThat(conditionalGet(first, scorecard, "\"other\", " + etag).statusCode()).isEqualTo(304);
        first.get("/account?lang=en");
        assertThat(conditionalGet(first, scorecard, etag).statusCode()).as("now in English").isEqualTo(200);
    }

    /** Browsers heed Clear-Site-Data over HTTPS only, and Spring sends it only then: here through a proxy's word. */
    @Test
    void loggingOutClearsTheBrowsersCopies() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        HttpResponse<String> logout = staff.send(staff.request("/logout").header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken(staff.get(scorecard)))).build());

        assertThat(logout.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\"");
    }

    private static HttpResponse<String> conditionalGet(WebClient client, String path, String etag) {
        return client.send(client.request(path).header("Accept", "text/html").header("If-None-Match", etag).GET()
                .build());
    }

    private void renameBehindTheApplicationsBack() {
        assertThat(jdbc.update("update period set name = ? where id = ?", renamed, period)).isEqualTo(1);
    }
}
