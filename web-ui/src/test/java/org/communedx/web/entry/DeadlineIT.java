package org.communedx.web.entry;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/**
 * The submission deadline over HTTP. After it the commune's pages say so and offer no form, and a crafted request is
 * refused in the user's language with nothing saved; the district still reviews; and the administrator opens the
 * period again by extending its deadline on the period's edit page.
 */
@TrackerIntegrationTest
class DeadlineIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    EvidenceRepository evidence;

    @Autowired
    TransactionTemplate transaction;

    long period;

    WebClient staff;

    @BeforeEach
    void anOpenPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        staff = new WebClient(port).login("xa.yenphu", PASSWORD);
    }

    @Test
    void afterTheDeadlineTheCommuneIsToldAndItsCraftedRequestsSaveNothing() {
        long submitted = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, submitted);
        long draft = EntryPages.entryId(staff, "05305", period, "G1.C2");
        post(staff, draft, "value", "version=" + version(staff, draft) + "&level=1");
        long seen = version(staff, draft);
        String token = WebClient.csrfToken(staff.get("/account"));
        LocalDate yesterday = LocalDate.now(VIETNAM).minusDays(1);

        setDeadline(yesterday);

        String notice = "Hạn nộp " + DAY.format(yesterday) + ": kỳ này đã khóa với xã. Xã không thể lưu giá trị";
        String page = staff.get("/entries/" + draft).body();
        assertThat(page).contains("id=\"deadline-passed\"", notice, "gia hạn trên trang sửa kỳ đánh giá", "Mức 1")
                .as("no form to save, submit, ask, upload or remove; the comments stay open")
                .doesNotContain("action=\"/entries/" + draft + "/value\"", "action=\"/entries/" + draft + "/submit\"",
                        "action=\"/entries/" + draft + "/not-applicable\"", "multipart/form-data", "/remove\"")
                .contains("action=\"/entries/" + draft + "/comments\"");
        assertThat(staff.get("/communes/05305/periods/" + period).body()).as("the scorecard says so too")
                .contains("id=\"deadline-passed\"", notice)
                .as("and lists no work the commune can no longer do").doesNotContain("id=\"todo\"");

        String refusal = "Kỳ này đã khóa với xã (hạn nộp " + DAY.format(yesterday) + ") nên xã không thể lưu giá trị, thêm hay gỡ minh chứng, hoặc gửi duyệt nữa;"
                + " chưa có gì được lưu.";
        HttpResponse<String> save = staff.post("/entries/" + draft + "/value",
                "_csrf=" + token + "&version=" + seen + "&level=3");
        assertThat(save.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + draft).body()).contains(refusal, "Mức 1").doesNotContain("Mức 3")
                .as("the refusal says it; the notice that says the same is not read out twice")
                .doesNotContain("id=\"deadline-passed\"");
        assertThat(staff.get("/entries/" + draft).body()).as("the next visit has the notice again")
                .contains("id=\"deadline-passed\"");

        String unstarted = EntryPages.criterion("05305", period, "G2.C3");
        assertThat(staff.post(unstarted + "/value", "_csrf=" + token + "&version=0&yesNo=yes").statusCode())
                .isEqualTo(302);
        assertThat(staff.get(unstarted).body()).contains(refusal, "Chưa bắt đầu");

        HttpResponse<String> upload = staff.postMultipart("/entries/" + draft + "/evidence", Map.of("_csrf", token,
                "documentNumber", "9/BC-UBND", "title", "Nộp muộn", "issuingBody", "UBND xã Yên Phú",
                "documentDate", LocalDate.now(VIETNAM).minusDays(7).toString()), "muon.pdf", SampleFiles.pdf(1));
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + draft).body()).contains(refusal)
                .as("no form on the page to choose the file again in").doesNotContain("id=\"evidence-choose-again\"")
                .as("nor the notice that says the same").doesNotContain("id=\"deadline-passed\"");
        assertThat(evidence.countByEntryId(draft)).as("no file kept").isZero();

        staff.get("/entries/" + draft + "?lang=en");
        assertThat(staff.post("/entries/" + draft + "/submit", "_csrf=" + token + "&version=" + seen).statusCode())
                .isEqualTo(302);
        assertThat(staff.get("/entries/" + draft).body()).contains("This period is closed to communes (deadline "
                + DAY.format(yesterday) + "), so the commune can no longer save values")
                .contains("Level 1");

        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        assertThat(reviewer.get("/entries/" + submitted).body())
                .as("a reviewer who would return it is told that the commune cannot answer before an extension")
                .contains("aria-describedby=\"return-after-deadline\"", "id=\"return-after-deadline\"",
                        "Hạn nộp của kỳ này (" + DAY.format(yesterday) + ") và thời gian gia hạn đã qua: nếu trả lại,"
                                + " xã chỉ sửa")
                .doesNotContain("id=\"deadline-passed\"");
        assertThat(post(reviewer, submitted, "approve", "version=" + version(reviewer, submitted)).statusCode())
                .isEqualTo(302);
        assertThat(reviewer.get("/entries/" + submitted).body()).as("the district reviews after the deadline")
                .contains("Đã duyệt.").doesNotContain("id=\"deadline-passed\"");

        setDeadline(LocalDate.now(VIETNAM));
        assertThat(staff.get("/entries/" + draft).body()).as("open again to the end of the deadline's day")
                .doesNotContain("id=\"deadline-passed\"").contains("action=\"/entries/" + draft + "/value\"");
        assertThat(staff.post("/entries/" + draft + "/value", "_csrf=" + token + "&version=" + seen + "&level=3")
                .statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + draft).body()).contains("Level 3");
    }

    /** As the administrator does, on the period's edit page. */
    private void setDeadline(LocalDate deadline) {
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        Period stored = periods.findById(period).orElseThrow();
        String frameworkId = String.valueOf(frameworks.findByCodeAndVersion("IT-ENTRY", "9.9-entries").orElseThrow()
                .getId());
        String edit = "/periods/" + period + "/edit";
        String form = "_csrf=" + WebClient.csrfToken(admin.get(edit)) + "&name="
                + EntryPages.encode(stored.getName()) + "&year=" + stored.getYear() + "&startDate="
                + stored.getStartDate() + "&endDate=" + stored.getEndDate() + "&submissionDeadline=" + deadline
                + "&frameworkId=" + frameworkId + "&version=" + stored.getRowVersion();
        HttpResponse<String> saved = admin.post(edit, form);
        if (saved.statusCode() == 200) {
            // Closing the open period at once is asked about first; the administrator says yes.
            assertThat(saved.body()).contains("id=\"period-closing-ask\"",
                    "kỳ khóa với xã sau ngày " + DAY.format(deadline));
            assertThat(periods.findById(period).orElseThrow().getSubmissionDeadline()).isNotEqualTo(deadline);
            saved = admin.post(edit, form + "&overlapAccepted=true&acceptedClosing=" + deadline);
        }
        assertThat(saved.statusCode()).as("the period saved").isEqualTo(302);
        assertThat(periods.findById(period).orElseThrow().getSubmissionDeadline()).isEqualTo(deadline);
    }
}
