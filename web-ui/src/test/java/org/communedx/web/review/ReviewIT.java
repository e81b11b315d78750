package org.communedx.web.review;

import java.net.URI;
import java.net.http.HttpResponse;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
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
import static org.communedx.web.support.EntryPages.encode;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/** The review queue (J2) over HTTP: what a district official sees, bulk approval, return and resubmission. */
@TrackerIntegrationTest
class ReviewIT {

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    long period;

    WebClient staff;

    WebClient reviewer;

    @BeforeEach
    void freshPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
    }

    /**
     * The reform ended the district on 30/06/2025: its reviewer's commune filter offered none of its communes, and
     * its period filter the periods after it.
     */
    @Test
    void aDistrictTheReformEndedChoosesAmongItsCommunesAndTheirPeriods() {
        String queue = reviewer.get("/reviews").body();

        String communes = queue.substring(queue.indexOf("id=\"commune\""), queue.indexOf("id=\"group\""));
        assertThat(communes).contains("<option value=\"05305\">Xã Yên Phú</option>",
                "<option value=\"05347\">Xã Ân Nghĩa</option>");
        String periodChoices = queue.substring(queue.indexOf("id=\"period\""));
        periodChoices = periodChoices.substring(0, periodChoices.indexOf("</select>"));
        assertThat(periodChoices).contains(">Năm 2025</option>").doesNotContain(">Năm 2026</option>");
        assertThat(queue).as("and the page says why the later periods are not here").contains(
                "Huyện Lạc Sơn đã kết thúc ngày 30/06/2025 khi sắp xếp đơn vị hành chính");
        assertThat(new WebClient(port).login("tinh.phutho", PASSWORD).get("/reviews").body())
                .doesNotContain("id=\"reviewer-unit-ended\"");
    }

    @Test
    void queueHoldsTheDistrictsSubmissionsOldestFirstAndBulkApprovesEachOnItsOwn() {
        long c1 = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, c1);
        long c2 = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=2");
        EntryPages.submit(staff, c2);
        long c4 = EntryPages.saveFirst(staff, "05305", period, "G2.C4", "count=1");

        String queue = reviewer.get("/reviews?period=" + period).body();
        assertThat(queue).contains("id=\"queue-" + c1 + "\"", "id=\"queue-" + c2 + "\"")
                .doesNotContain("id=\"queue-" + c4 + "\"");
        assertThat(queue.indexOf("queue-" + c1)).as("oldest first").isLessThan(queue.indexOf("queue-" + c2));
        assertThat(queue).as("submitted by the commune's staff, not by a system").doesNotContain("from-system-");
        assertThat(queue).as("a box named with its period: one criterion may wait in two").contains(
                "aria-label=\"Chọn G1.C1 của Xã Yên Phú (" + periods.findById(period).orElseThrow().getName() + ")\"");
        assertThat(queue).containsPattern("id=\"nav-reviews\">\\d+ chờ duyệt");
        assertThat(reviewer.get("/reviews?period=" + period + "&group=G2").body()).doesNotContain("queue-" + c1)
                .as("the filters found nothing, not the queue").contains("chờ duyệt khớp với bộ lọc này.")
                .as("and the way back to all of it").contains("id=\"clear-filter\" href=\"/reviews\">Bỏ bộ lọc, xem tất cả</a>");
        assertThat(reviewer.get("/reviews?period=" + period + "&commune=05347").body()).doesNotContain("queue-" + c1);
        assertThat(new WebClient(port).login("tinh.hoabinh", PASSWORD).get("/reviews?period=" + period).body())
                .as("Yên Phú has a district: the province does not review it").doesNotContain("queue-" + c1);

        long c3 = EntryPages.saveFirst(staff, "05305", period, "G2.C3", "yesNo=no");
        EntryPages.post(staff, c3, "not-applicable", "version=" + EntryPages.version(staff, c3) + "&explanation="
                + EntryPages.encode("Xã không có <b>bưu điện</b>"));
        assertThat(reviewer.get("/reviews?period=" + period + "&group=G2").body())
                .as("why the commune asks, in the queue, escaped").contains("id=\"na-reason-" + c3 + "\"",
                        "Lý do xã nêu: Xã không có &lt;b&gt;bưu điện&lt;/b&gt;");

        long staleC2 = version(reviewer, c2) - 1;
        HttpResponse<String> filtered = reviewer.get("/reviews?period=" + period + "&commune=05305");
        assertThat(filtered.body()).contains("name=\"period\" value=\"" + period + "\"", "name=\"commune\" value=\"05305\"");
        String sent = "_csrf=" + WebClient.csrfToken(filtered) + "&period=" + period + "&commune=05305&selected="
                + encode(c1 + ":" + version(reviewer, c1)) + "&selected=" + encode(c2 + ":" + staleC2);
        HttpResponse<String> approved = reviewer.post("/reviews/approve", sent);
        assertThat(approved.statusCode()).isEqualTo(302);
        URI back = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(back.getRawPath() + "?" + back.getRawQuery()).as("back to the queue as it was filtered")
                .isEqualTo("/reviews?commune=05305&period=" + period);

        String after = reviewer.get(back.getRawPath() + "?" + back.getRawQuery()).body();
        String yenPhu = "Xã Yên Phú (" + periods.findById(period).orElseThrow().getName() + ")";
        assertThat(after).as("each outcome names its commune and period").contains(yenPhu + ", G1.C1: Đã duyệt.",
                        yenPhu + ", G1.C2: Người khác vừa thay đổi tiêu chí này")
                .doesNotContain("id=\"queue-" + c1 + "\"").contains("id=\"queue-" + c2 + "\"");
        assertThat(staff.get("/entries/" + c1).body()).contains("Đã duyệt");

        // The same form sent again (a double click, or Back and send): done already, nobody else's change.
        reviewer.post("/reviews/approve", sent);
        assertThat(reviewer.get(back.getRawPath() + "?" + back.getRawQuery()).body())
                .contains(yenPhu + ", G1.C1: Đã được duyệt trước đó.");

        // Nothing ticked: nothing done, said as a refusal, not in a success's green.
        reviewer.post("/reviews/approve", "_csrf=" + WebClient.csrfToken(filtered) + "&period=" + period);
        assertThat(reviewer.get("/reviews?period=" + period).body()).containsPattern(
                "class=\"alert alert-danger\" role=\"alert\"[^>]*>Chưa chọn tiêu chí nào.<");
    }

    @Test
    void aReturnNeedsAReasonAndTheResubmissionShowsWhatChanged() {
        long c1 = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 10, 20);
        EntryPages.submit(staff, c1);

        post(reviewer, c1, "return", "version=" + version(reviewer, c1) + "&reason=");
        assertThat(reviewer.get("/entries/" + c1).body()).contains("Nhập lý do.", "Đã gửi")
                .as("the refusal, which takes the focus, leads to the reason's box before any other button")
                .contains("id=\"refusal-field\" href=\"#return-reason\">Đến ô cần sửa</a>");

        post(reviewer, c1, "return", "version=" + version(reviewer, c1) + "&reason=" + encode("Thiếu danh sách\nlớp"));
        assertThat(staff.get("/entries/" + c1).body()).contains("Bị trả lại", "Thiếu danh sách")
                .as("a reason on its lines, on the entry, in its history and in the notice").contains(
                        "typed-text\" id=\"entry-reason\">Thiếu danh sách\nlớp<",
                        "<span class=\"d-block small typed-text\">Lý do: Thiếu danh sách\nlớp</span>");
        assertThat(staff.get("/notifications").body()).containsPattern("typed-text[^>]*>[^<]*Thiếu danh sách\nlớp");

        EntryPages.savePercent(staff, c1, 18, 20);
        EntryPages.submit(staff, c1);
        assertThat(staff.get("/entries/" + c1).body()).as("staff who see a mistake once it is sent are told the way")
                .contains("id=\"awaiting-reviewer\"", "hãy nhắn người duyệt để họ trả lại tiêu chí",
                        "href=\"#comment-body\"");

        String page = reviewer.get("/entries/" + c1).body();
        assertThat(page).doesNotContain("id=\"awaiting-reviewer\"");
        assertThat(page).containsPattern("Thay đổi kể từ lần duyệt trước \\([^,]+, Phòng VH-TT huyện Lạc Sơn "
                + "\\(huyen.lacson\\)\\)");
        assertThat(page).contains("Thay đổi kể từ lần duyệt trước", "Lý do: Thiếu danh sách\nlớp", "10/20 (50,00%)",
                "18/20 (90,00%)", "Không có tệp minh chứng nào được thêm hoặc bỏ.");
        assertThat(reviewer.get("/reviews?period=" + period).body()).contains("Kể từ lần duyệt trước:",
                "10/20 (50,00%)");

        post(reviewer, c1, "approve", "version=" + version(reviewer, c1));
        post(reviewer, c1, "reopen", "version=" + version(reviewer, c1) + "&reason=" + encode("Kiểm tra lại"));
        assertThat(staff.get("/entries/" + c1).body()).contains("Bị trả lại", "Kiểm tra lại");

        EntryPages.submit(staff, c1);
        assertThat(reviewer.get("/reviews?period=" + period).body()).as("sent back as it was, said so, not 18 → 18")
                .contains("Kể từ lần duyệt trước:", "Giá trị không thay đổi.");
    }

    /** A reviewer who opened an entry from a filtered queue, and acted on it, goes back to that queue as filtered. */
    @Test
    void anEntryLeadsBackToTheQueueAsTheReviewerFilteredIt() {
        long c1 = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, c1);
        assertThat(reviewer.get("/entries/" + c1).body()).as("no queue opened in this session yet")
                .doesNotContain("id=\"back-to-queue\"");

        reviewer.get("/reviews?commune=05305&group=&period=" + period);
        post(reviewer, c1, "approve", "version=" + version(reviewer, c1));

        assertThat(reviewer.get("/entries/" + c1).body()).contains("Đã duyệt").contains(
                "<a id=\"back-to-queue\" href=\"/reviews?commune=05305&amp;period=" + period + "\">Hàng chờ duyệt</a>");
        reviewer.get("/reviews?commune=" + encode("<05305>"));
        assertThat(reviewer.get("/entries/" + c1).body()).as("the filter as typed, encoded and escaped")
                .contains("href=\"/reviews?commune=%3C05305%3E\"");
        assertThat(staff.get("/entries/" + c1).body()).doesNotContain("id=\"back-to-queue\"");
        // Another user signing in on the same browser, its session going on, is not led to the last one's queue.
        reviewer.login("xa.yenphu", PASSWORD);
        assertThat(reviewer.get("/entries/" + c1).body()).contains("Đã duyệt").doesNotContain("id=\"back-to-queue\"");
    }

    /** A PDF uploaded as "bao-cao.png" is listed as it downloads, "bao-cao.png.pdf": not a photograph by its name. */
    @Test
    void theQueueNamesAFileAsItDownloads() {
        long entry = EntryPages.saveFirst(staff, "05305", period, "G2.C3", "yesNo=yes");
        java.util.Map<String, String> fields = new java.util.HashMap<>(java.util.Map.of("documentNumber", "15/QĐ-UBND",
                "title", "Quyết định", "issuingBody", "UBND xã Yên Phú", "documentDate", "2019-03-01"));
        fields.put("_csrf", WebClient.csrfToken(staff.get("/entries/" + entry)));
        assertThat(staff.postMultipart("/entries/" + entry + "/evidence", fields, "bao-cao.png",
                org.communedx.service.testsupport.SampleFiles.pdf(1)).statusCode()).isEqualTo(302);
        EntryPages.submit(staff, entry);

        assertThat(reviewer.get("/reviews?period=" + period).body()).contains(">bao-cao.png.pdf</span>")
                .doesNotContain(">bao-cao.png</span>");
    }

    @Test
    void communeStaffCannotReview() {
        long c1 = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, c1);

        assertThat(post(staff, c1, "approve", "version=2").statusCode()).isEqualTo(403);
        assertThat(staff.get("/reviews").statusCode()).isEqualTo(403);
        assertThat(staff.get("/entries/" + c1).body()).contains("Đã gửi").doesNotContain("/approve\"");
    }
}
