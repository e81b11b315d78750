package org.communedx.web.entry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.encode;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/**
 * A script typed into any text field comes back as text: the entry's explanation, the return and reopen reasons,
 * the not-applicable explanation, and an evidence file's number, title, issuing body and original name, on the
 * entry page, in the review queue and in the audit trail. Each field carries the script and a word of its own, so
 * that a field shown unescaped, or not at all, fails by name.
 *
 * <p>It works on Xã An Bình (05425, formed from Hưng Thi of Huyện Lạc Thủy by the 2025 reform, directly under Tỉnh
 * Phú Thọ) in the current period: no other test uses it, and the demo's sample assessments are those of the communes
 * formed from Lạc Sơn's. It has staff and reviewer (the province's, since no district exists) accounts of its own, and
 * deletes the commune's assessment afterwards (the audit rows stay: nothing can delete them).
 */
@TrackerIntegrationTest
class EscapingIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private static final String COMMUNE = "05425";

    private static final String PROVINCE = "25";

    private static final String EXPLANATION = SCRIPT + " explanation";

    private static final String RETURN_REASON = SCRIPT + " return-reason";

    private static final String REOPEN_REASON = SCRIPT + " reopen-reason";

    private static final String NOT_APPLICABLE = SCRIPT + " not-applicable";

    private static final String NUMBER = SCRIPT + " number";

    private static final String TITLE = SCRIPT + " title";

    private static final String ISSUER = SCRIPT + " issuer";

    private static final String FILE_NAME = SCRIPT + " file.pdf";

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    EvidenceRepository evidence;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    /** Whether the commune's assessment for the period is this test's, to delete afterwards. */
    boolean ours;

    String staffName;

    String reviewerName;

    @BeforeEach
    void accountsOfTheirOwnForAnBinh() {
        period = periods.findByName("Năm 2026").orElseThrow().getId();
        ours = assessmentCount() == 0;
        assertThat(ours).as("no other test or demo data works on An Bình in 2026").isTrue();
        staffName = account("escape.staff", Role.COMMUNE_STAFF, COMMUNE);
        reviewerName = account("escape.review", Role.PROVINCE_MANAGER, PROVINCE);
    }

    @AfterEach
    void removeTheAssessmentAndTheAccounts() {
        if (!ours) {
            return;
        }
        jdbc.update("delete from assessment where period_id = ? and unit_id in"
                + " (select id from administrative_unit where code = ?)", period, COMMUNE);
        jdbc.update("delete from user_account where username in (?, ?)", staffName, reviewerName);
    }

    @Test
    void everyTextFieldComesBackEscapedOnTheEntryPageTheQueueAndTheAuditTrail() {
        WebClient staff = new WebClient(port).login(staffName, PASSWORD);
        WebClient reviewer = new WebClient(port).login(reviewerName, PASSWORD);
        long returned = EntryPages.saveFirst(staff, COMMUNE, period, "G1.C1",
                "numerator=1&denominator=2&explanation=" + encode(EXPLANATION));
        long reopened = EntryPages.entryId(staff, COMMUNE, period, "G1.C2");
        upload(staff, returned, "old-" + NUMBER, "old-" + TITLE, "old-" + ISSUER, "old-" + FILE_NAME);
        assertThat(EntryPages.submit(staff, returned).statusCode()).isEqualTo(302);
        post(reviewer, returned, "return", "version=" + version(reviewer, returned) + "&reason="
                + encode(RETURN_REASON));
        long older = evidence.findByEntryInOrder(returned).get(0).getId();
        upload(staff, returned, NUMBER, TITLE, ISSUER, FILE_NAME);
        assertThat(staff.post("/evidence/" + older + "/remove", "_csrf=" + WebClient.csrfToken(
                staff.get("/entries/" + returned))).statusCode()).isEqualTo(302);
        EntryPages.submit(staff, returned);

        EntryPages.savePercent(staff, reopened, 2, 2);
        upload(staff, reopened, "1/BC", "Báo cáo", "UBND xã An Bình", "bao-cao.pdf");
        EntryPages.submit(staff, reopened);
        post(reviewer, reopened, "approve", "version=" + version(reviewer, reopened));
        post(reviewer, reopened, "reopen", "version=" + version(reviewer, reopened) + "&reason="
                + encode(REOPEN_REASON));
        post(staff, reopened, "not-applicable", "version=" + version(staff, reopened) + "&explanation="
                + encode(NOT_APPLICABLE));

        String returnedPage = reviewer.get("/entries/" + returned).body();
        assertThat(returnedPage).as("the entry page of the returned entry, with its files and what changed")
                .contains("Đã gửi", "id=\"since-evidence-added\"", "id=\"since-evidence-removed\"");
        assertEscaped("the returned entry", returnedPage, EXPLANATION, RETURN_REASON, NUMBER, TITLE, ISSUER,
                FILE_NAME, "old-" + NUMBER, "old-" + TITLE, "old-" + FILE_NAME);
        String reopenedPage = reviewer.get("/entries/" + reopened).body();
        assertThat(reopenedPage).contains("Đề nghị không áp dụng");
        assertEscaped("the reopened entry", reopenedPage, REOPEN_REASON, NOT_APPLICABLE);

        String queue = reviewer.get("/reviews?commune=" + COMMUNE + "&period=" + period).body();
        assertThat(queue).contains("id=\"queue-" + returned + "\"", "id=\"queue-" + reopened + "\"");
        assertEscaped("the review queue", queue, NUMBER, TITLE, FILE_NAME, "old-" + NUMBER, "old-" + TITLE,
                "old-" + FILE_NAME);

        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        assertEscaped("the audit trail of staff", admin.get("/audit?actor=" + staffName).body(), EXPLANATION,
                NOT_APPLICABLE, NUMBER, TITLE, ISSUER, FILE_NAME, "old-" + NUMBER, "old-" + TITLE, "old-" + ISSUER,
                "old-" + FILE_NAME);
        assertEscaped("the audit trail of the reviewer", admin.get("/audit?actor=" + reviewerName).body(),
                RETURN_REASON, REOPEN_REASON);
    }

    private static void assertEscaped(String where, String page, String... texts) {
        List<String> escaped = Arrays.stream(texts).map(EscapingIT::escape).toList();
        assertThat(page).as(where + " shows every field as text").contains(escaped);
        assertThat(page).as(where + " holds no script").doesNotContain(SCRIPT);
    }

    /** As Thymeleaf writes text: the markup characters as entities. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Each upload a file of its own, as the same file twice on one criterion is refused. */
    private int uploads;

    private void upload(WebClient staff, long entry, String number, String title, String issuer, String fileName) {
        String token = WebClient.csrfToken(staff.get("/entries/" + entry));
        Map<String, String> fields = Map.of("documentNumber", number, "title", title, "issuingBody", issuer,
                "documentDate", "2026-01-15");
        assertThat(staff.postMultipart("/entries/" + entry + "/evidence?_csrf=" + token, fields, fileName,
                SampleFiles.pdf(40 + ++uploads)).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/entries/" + entry));
        assertThat(staff.get("/entries/" + entry).body()).as("uploaded").contains("Đã tải lên tệp minh chứng.");
    }

    private String account(String prefix, Role role, String unit) {
        String username = TestAccounts.uniqueUsername(prefix);
        accounts.save(new UserAccount(username, "Test " + username, passwordEncoder.encode(PASSWORD), role, unit,
                Instant.now()));
        return username;
    }

    private long assessmentCount() {
        return jdbc.queryForObject("select count(*) from assessment a join administrative_unit u on u.id = a.unit_id"
                + " where a.period_id = ? and u.code = ?", Long.class, period, COMMUNE);
    }
}
