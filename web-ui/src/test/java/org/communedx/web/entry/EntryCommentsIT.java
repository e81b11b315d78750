package org.communedx.web.entry;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.encode;

/**
 * The comment thread of an entry over HTTP: the commune's staff and its reviewer (Lạc Sơn's official, in 2019)
 * write, each comment shown escaped, newest last, with its author and time; a form without its CSRF token is
 * refused; an empty comment comes back with the message and stores nothing; another commune's staff do not find the
 * entry, and a provincial manager who does not review it sees no thread and may not write.
 */
@TrackerIntegrationTest
class EntryCommentsIT {

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
    void theCommuneAndItsReviewerTalkEscapedOnTheEntryPage() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        assertThat(staff.get("/entries/" + entry).body()).contains("id=\"comments-empty\"");

        HttpResponse<String> posted = EntryPages.post(staff, entry, "comments",
                "body=" + encode("<script>alert(1)</script> Xin hỏi\nvề biên bản"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/entries/" + entry + "#comments");
        assertThat(EntryPages.post(reviewer, entry, "comments", "body=" + encode("Đã nhận, cảm ơn xã")).statusCode())
                .isEqualTo(302);

        String page = reviewer.get("/entries/" + entry).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Xin hỏi").doesNotContain("<script>alert(1)");
        assertThat(page.indexOf("Xin hỏi")).as("newest last").isLessThan(page.indexOf("Đã nhận, cảm ơn xã"));
        assertThat(page).contains("comment-author").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(staff.get("/entries/" + entry).body()).contains("Đã nhận, cảm ơn xã");

        long comments = count(entry);
        assertThat(staff.post("/entries/" + entry + "/comments", "body=" + encode("Không có mã")).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> empty = EntryPages.post(staff, entry, "comments", "body=" + encode("   "));
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entry).body()).contains("id=\"comment-refusal\"")
                .contains("Hãy nhập nội dung trao đổi; chưa có gì được gửi.");
        HttpResponse<String> tooLong = EntryPages.post(staff, entry, "comments", "body=" + "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entry).body())
                .contains("Trao đổi tối đa 2.000 ký tự; chưa có gì được gửi.");
        assertThat(count(entry)).as("nothing half-saved").isEqualTo(comments);

        WebClient otherCommune = new WebClient(port).login("xa.annghia", PASSWORD);
        assertThat(otherCommune.get("/entries/" + entry).statusCode()).isEqualTo(404);
        String token = WebClient.csrfToken(otherCommune.get("/account"));
        assertThat(otherCommune.post("/entries/" + entry + "/comments", "_csrf=" + token + "&body=x").statusCode())
                .isEqualTo(404);
        WebClient province = new WebClient(port).login("tinh.hoabinh", PASSWORD);
        assertThat(province.get("/entries/" + entry).body()).as("not its reviewer: no thread")
                .doesNotContain("id=\"comments\"").doesNotContain("Xin hỏi");
        assertThat(EntryPages.post(province, entry, "comments", "body=x").statusCode()).isEqualTo(403);
        assertThat(count(entry)).isEqualTo(comments);

        String trail = new WebClient(port).login("admin", PASSWORD)
                .get("/audit?unit=05305&entityType=ENTRY_COMMENT").body();
        assertThat(trail).as("each comment audited, found by its commune").contains("Gửi trao đổi", "Xã Yên Phú")
                .contains("Đã nhận, cảm ơn xã").doesNotContain("<script>alert(1)");
    }

    /**
     * Line breaks pasted from Word (U+000B inside a paragraph, U+000C a page break) are line breaks: the comment had
     * been thrown away whole with a page that said only "the request could not be handled". Other control characters
     * are still refused.
     */
    @Test
    void lineBreaksPastedFromAWordProcessorAreLineBreaks() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);

        HttpResponse<String> posted = EntryPages.post(staff, entry, "comments",
                "body=" + encode("Biên bản số 12\u000Bngày 05/03/2025\u000Ctrang hai"));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForList("select body from entry_comment where entry_id = ?", String.class, entry))
                .containsExactly("Biên bản số 12\nngày 05/03/2025\ntrang hai");
        assertThat(EntryPages.post(staff, entry, "comments", "body=" + encode("chuông\u0007")).statusCode())
                .isEqualTo(400);

        // An explanation too, shown on its lines as typed.
        assertThat(EntryPages.post(staff, entry, "value", "version=" + EntryPages.version(staff, entry)
                + "&numerator=18&denominator=20&explanation=" + encode("Danh sách lớp\u000Bđính kèm")).statusCode())
                .isEqualTo(302);
        assertThat(staff.get("/entries/" + entry).body()).contains(
                "class=\"col-sm-9 text-break typed-text\" id=\"entry-explanation\">Danh sách lớp\nđính kèm</dd>");
    }

    /**
     * Before Yên Phú has begun the period, its reviewer finds the thread open at the criterion's address and asks; the
     * comment stores the commune's entries, NOT_STARTED, and the staff read it at the same address. An empty first
     * comment stores nothing.
     */
    @Test
    void theReviewerAsksBeforeTheCommuneHasBegun() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        String criterion = EntryPages.criterion("05305", period, "G2.C4");
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        HttpResponse<String> page = reviewer.get(criterion);
        assertThat(page.body()).contains("id=\"comments-empty\"", "action=\"" + criterion + "/comments\"");
        String token = WebClient.csrfToken(page);

        HttpResponse<String> empty = reviewer.post(criterion + "/comments", "_csrf=" + token + "&body=%20");
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(reviewer.get(criterion).body()).contains("Hãy nhập nội dung trao đổi; chưa có gì được gửi.");
        assertThat(assessments(period)).as("nothing half-saved").isZero();

        HttpResponse<String> posted = reviewer.post(criterion + "/comments",
                "_csrf=" + token + "&body=" + encode("Xã nhớ nộp biên bản tập huấn"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(criterion + "#comments");
        assertThat(assessments(period)).isOne();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        assertThat(staff.get(criterion).body()).contains("Xã nhớ nộp biên bản tập huấn", "comment-author")
                .doesNotContain("id=\"comments-empty\"");
        assertThat(jdbc.queryForList("""
                select e.status from criterion_entry e join assessment a on a.id = e.assessment_id
                join administrative_unit u on u.id = a.unit_id where u.code = '05305' and a.period_id = ?""",
                String.class, period)).as("every entry stored, none begun").isNotEmpty().containsOnly("NOT_STARTED");
    }

    /**
     * A double tap on "Gửi" without JavaScript sends the form twice, the second before the first is answered: one
     * comment is stored, and both answers lead back to the thread. Other words are a new comment.
     */
    @Test
    void aCommentSentTwiceAtOnceIsStoredOnce() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        String form = "_csrf=" + WebClient.csrfToken(staff.get("/entries/" + entry)) + "&body="
                + encode("Xã đã bổ sung biên bản");

        List<CompletableFuture<HttpResponse<String>>> taps = Stream.of(1, 2)
                .map(tap -> CompletableFuture.supplyAsync(() -> staff.post("/entries/" + entry + "/comments", form)))
                .toList();

        taps.forEach(tap -> assertThat(tap.join().statusCode()).isEqualTo(302));
        assertThat(count(entry)).isOne();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'ENTRY_COMMENT'
                and entity_id in (select cast(id as varchar) from entry_comment where entry_id = ?)""", Long.class,
                entry)).as("audited once").isOne();
        assertThat(EntryPages.post(staff, entry, "comments", "body=" + encode("Và ảnh chụp")).statusCode())
                .isEqualTo(302);
        assertThat(count(entry)).isEqualTo(2);
    }

    private long assessments(long period) {
        return jdbc.queryForObject("select count(*) from assessment a join administrative_unit u on u.id = a.unit_id"
                + " where u.code = '05305' and a.period_id = ?", Long.class, period);
    }

    private long count(long entry) {
        return jdbc.queryForObject("select count(*) from entry_comment where entry_id = ?", Long.class, entry);
    }
}
