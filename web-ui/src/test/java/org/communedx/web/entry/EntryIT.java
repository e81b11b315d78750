package org.communedx.web.entry;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.framework.FrameworkRepository;
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
 * The criterion entry page over HTTP: values, validation, conflicts, refusals, history and scope, at the criterion's
 * address before the commune's first write and at the entry's after.
 */
@TrackerIntegrationTest
class EntryIT {

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

    @BeforeEach
    void freshPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        staff = new WebClient(port).login("xa.yenphu", PASSWORD);
    }

    @Test
    void showsTheCriterionAndSavesAPercentWithItsHistory() {
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        String empty = staff.get(criterion).body();
        assertThat(empty).contains("G1.C1 Tiêu chí G1.C1", "Mô tả G1.C1", "Biên bản", "≥\u00a080%", "Chưa bắt đầu",
                "Tử số", "Mẫu số", "Chưa có thay đổi nào.", "action=\"" + criterion + "/value\"");

        HttpResponse<String> saved = postAt(criterion, "value", "version=" + versionOn(empty)
                + "&numerator=18&denominator=20&explanation=" + EntryPages.encode("Theo danh sách"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).as("back to the page at the criterion's address")
                .hasValueSatisfying(location -> assertThat(location).endsWith(criterion));

        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        for (String page : new String[] { staff.get(criterion).body(), staff.get("/entries/" + entry).body() }) {
            assertThat(page).contains("18/20 (90,00%)", "Đạt", "Đang soạn", "Theo danh sách");
            assertThat(page).as("who, by the name the menu gives them").contains("id=\"history\"", "Lưu giá trị",
                    "<td>UBND xã Yên Phú (xa.yenphu)</td>");
        }

        // A save that changes only the explanation says so in the history, as does one that clears it.
        String page = staff.get(criterion).body();
        postAt(criterion, "value", "version=" + versionOn(page) + "&numerator=18&denominator=20&explanation="
                + EntryPages.encode("Theo danh sách rà soát tháng 11"));
        page = staff.get(criterion).body();
        postAt(criterion, "value", "version=" + versionOn(page) + "&numerator=18&denominator=20&explanation=");
        String history = staff.get(criterion).body();
        history = history.substring(history.indexOf("id=\"history\""));
        assertThat(history).contains("Giải trình: Theo danh sách<", "Giải trình: Theo danh sách rà soát tháng 11<",
                "Đã xóa giải trình.");
        assertThat(history.split(java.util.regex.Pattern.quote("18/20 (90,00%)"), -1))
                .as("three saves, the last two leaving the value as it was: each says it once, not \"18/20 → 18/20\"")
                .hasSize(4);
    }

    /**
     * An explanation typed with combining marks (Unikey's "Unicode tổ hợp", a Mac) is as long as it reads: 700 "Ệ" of
     * three code points each were refused as over 2,000 characters, and shorter ones stored decomposed.
     */
    @Test
    void anExplanationTypedWithCombiningMarksIsKeptComposedAndMeasuredSo() {
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        String decomposed = java.text.Normalizer.normalize("Ệ", java.text.Normalizer.Form.NFD).repeat(700);
        assertThat(decomposed).hasSize(2_100);

        HttpResponse<String> saved = postAt(criterion, "value", "version=" + versionOn(staff.get(criterion).body())
                + "&numerator=18&denominator=20&explanation=" + EntryPages.encode(decomposed));

        assertThat(saved.statusCode()).as("taken, not refused as too long").isEqualTo(302);
        assertThat(staff.get(criterion).body()).contains("Ệ".repeat(700));
    }

    @Test
    void refusesBadValuesWithMessagesInTheUsersLanguage() {
        String percent = EntryPages.criterion("05305", period, "G1.C1");
        String level = EntryPages.criterion("05305", period, "G1.C2");
        String count = EntryPages.criterion("05305", period, "G2.C4");
        String yesNo = EntryPages.criterion("05305", period, "G2.C3");

        assertThat(postAt(percent, "value", "version=0&numerator=5&denominator=0").body())
                .contains("Mẫu số phải lớn hơn 0.");
        String refused = postAt(percent, "value", "version=0&numerator=6&denominator=5").body();
        assertThat(refused).contains("Tử số (6) không được lớn hơn mẫu số (5).")
                .as("the language switch leads to the page, not to the form's address, which takes no GET")
                .containsPattern("id=\"nav-language\"[^>]*href=\"" + java.util.regex.Pattern.quote(percent) + "\\?lang=en\"");
        String english = staff.get(percent + "?lang=en").body();
        staff.get(percent + "?lang=vi");
        assertThat(english).contains("<html lang=\"en\">");
        assertThat(postAt(percent, "value", "version=0&numerator=1.5&denominator=").body())
                .contains("Hãy nhập một số nguyên.", "Hãy nhập giá trị này.");
        assertThat(postAt(level, "value", "version=0&level=4").body())
                .contains("Mức 4 không hợp lệ; chọn mức 0, 1, 2 hoặc 3.");
        assertThat(postAt(count, "value", "version=0&count=-1").body()).contains("Số lượng không được âm.");
        assertThat(postAt(count, "value", "version=0&count=%EF%BC%91").body())
                .as("a full-width 1, which Java reads as 1").contains("Hãy nhập một số nguyên.");
        assertThat(postAt(count, "value", "version=0&count=12345678901234567890").body())
                .contains("Số này quá lớn: tối đa 2.147.483.647.").doesNotContain("Hãy nhập một số nguyên.");
        assertThat(postAt(count, "value", "version=0&count=1.000").body()).as("a thousand, as Vietnamese write it")
                .contains("Hãy nhập số không có dấu phân cách hàng nghìn, ví dụ 1000 cho một nghìn.");
        assertThat(postAt(level, "value", "version=0&level=").body()).contains("Hãy chọn mức độ.")
                .doesNotContain("Hãy nhập giá trị này.");
        assertThat(postAt(yesNo, "value", "version=0").body()).contains("Hãy chọn Có hoặc Không.")
                .as("each radio carries the refusal, the first to take the focus").containsPattern(
                        "class=\"form-check-input is-invalid\" type=\"radio\" value=\"yes\" id=\"yesNo-yes\"\\s+"
                                + "aria-describedby=\"yesNo-error\" aria-invalid=\"true\"");
        assertThat(staff.get(percent).body()).as("nothing saved").contains("Chưa bắt đầu")
                .doesNotContain("action=\"/entries/");

        staff.get(percent + "?lang=en");
        assertThat(postAt(percent, "value", "version=0&numerator=6&denominator=5").body())
                .contains("The numerator (6) must not be greater than the denominator (5).");
        assertThat(postAt(count, "value", "version=0&count=x").body()).contains("Enter a whole number.");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsOverwritten() {
        long seen = versionOn(staff.get(EntryPages.criterion("05305", period, "G1.C1")).body());
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);

        HttpResponse<String> stale = post(staff, entry, "value", "version=" + seen + "&numerator=1&denominator=20");
        assertThat(stale.statusCode()).isEqualTo(302);

        String page = staff.get("/entries/" + entry).body();
        assertThat(page).as("the same user's own other tab").contains(
                "Bạn vừa thay đổi tiêu chí này ở một trang khác (một thẻ khác của trình duyệt?); chưa có gì được lưu.",
                "Trang đang hiển thị trạng thái hiện tại của tiêu chí.", "18/20 (90,00%)").doesNotContain("1/20 (");
        assertThat(page).as("what was typed stays in the form, beside the value now saved").contains(
                "Giá trị bạn vừa nhập vẫn còn trong biểu mẫu bên dưới", "Giá trị đang lưu:")
                .containsPattern("name=\"numerator\"[^>]*value=\"1\"");
        assertThat(versionOn(page)).as("on the entry as it now is").isEqualTo(version(staff, entry));
        assertThat(staff.get("/entries/" + entry).body()).as("once only").doesNotContain("Giá trị bạn vừa nhập")
                .containsPattern("name=\"numerator\"[^>]*value=\"18\"");
        assertThat(post(staff, entry, "submit", "version=" + seen).statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entry).body()).contains("Bạn vừa thay đổi", "Đang soạn");
        HttpResponse<String> staleFirst = postAt(EntryPages.criterion("05305", period, "G1.C1"), "value",
                "version=" + seen + "&numerator=2&denominator=20");
        assertThat(staleFirst.statusCode()).isEqualTo(302);
        assertThat(staff.get(EntryPages.criterion("05305", period, "G1.C1")).body())
                .as("a first write on a page seen before another's is stale too")
                .contains("Bạn vừa thay đổi", "18/20 (90,00%)").doesNotContain("2/20 (");
    }

    /**
     * A stale tab's value, refused because the entry was submitted meanwhile, has no form to go back into: the page
     * gives it back to be copied. So does a reviewer's reason to return an entry that another tab approved.
     */
    @Test
    void whatAStaleTabTypedIsGivenBackWhenNoFormTakesItNow() {
        long entry = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        long seen = version(staff, entry);
        assertThat(post(staff, entry, "submit", "version=" + seen).statusCode()).isEqualTo(302);

        post(staff, entry, "value", "version=" + seen + "&numerator=5&denominator=20&explanation="
                + EntryPages.encode("Theo danh sách B\ndòng hai <b>"));
        String page = staff.get("/entries/" + entry).body();
        assertThat(page).contains("id=\"typed-lost\"", "Giá trị bạn vừa nhập chưa được lưu", "5/20 (25,00%)",
                "Theo danh sách B\ndòng hai &lt;b&gt;").doesNotContain("id=\"typed-kept\"");

        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        long submitted = version(reviewer, entry);
        assertThat(post(reviewer, entry, "approve", "version=" + submitted).statusCode()).isEqualTo(302);
        post(reviewer, entry, "return", "version=" + submitted + "&reason=" + EntryPages.encode("Thiếu biên bản"));
        assertThat(reviewer.get("/entries/" + entry).body()).contains("id=\"text-lost\"", "Thiếu biên bản");
    }

    /** A draft of evidence alone offers no submit button, which could only be refused, but says what comes first. */
    @Test
    void aDraftOfEvidenceAloneSaysTheValueComesFirst() {
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        HttpResponse<String> uploaded = staff.postMultipart(criterion + "/evidence", Map.of("_csrf",
                WebClient.csrfToken(staff.get(criterion)), "title", "Biên bản", "issuingBody", "UBND xã Yên Phú",
                "documentDate", "2019-03-01"), "bien-ban.pdf", SampleFiles.pdf(9));
        assertThat(uploaded.statusCode()).isEqualTo(302);

        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        assertThat(staff.get("/entries/" + entry).body()).contains("Đang soạn", "id=\"submit-needs-value\"",
                "Nhập giá trị ở trên trước, rồi mới gửi duyệt được.")
                .doesNotContain("action=\"/entries/" + entry + "/submit\"");
    }

    @Test
    void aRefusedMoveIsExplainedInTheUsersLanguage() {
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        postAt(criterion, "not-applicable", "version=0&explanation=" + EntryPages.encode("   "));
        assertThat(staff.get(criterion).body()).contains("Nêu lý do tiêu chí không áp dụng cho xã.", "Chưa bắt đầu")
                .as("the blank box is the refusal's, and marked so")
                .containsPattern("id=\"na-explanation\"(?=[^>]*aria-describedby=\"refusal\")"
                        + "(?=[^>]*aria-invalid=\"true\")(?=[^>]*is-invalid)");
        // The text box stops at 2,000 characters; a request made by hand is told the same, and stores nothing.
        postAt(criterion, "not-applicable", "version=0&explanation=" + "x".repeat(40_000));
        assertThat(staff.get(criterion).body()).contains("Giải trình tối đa 2.000 ký tự.", "Chưa bắt đầu");

        EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=2");
        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        post(staff, entry, "submit", "version=" + version(staff, entry));

        assertThat(staff.get("/entries/" + entry).body())
                .contains("Không thể thực hiện “Gửi duyệt” khi tiêu chí đang ở trạng thái Chưa bắt đầu.");
    }

    /** A reason or explanation refused (here, typed on a page another change made stale) comes back in its box. */
    @Test
    void aRefusedRequestGivesBackWhatWasTyped() {
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        postAt(criterion, "not-applicable", "version=7&explanation=" + EntryPages.encode("Xã không có chợ"));

        assertThat(staff.get(criterion).body()).contains("Người khác vừa thay đổi")
                .containsPattern("id=\"na-explanation\"[^>]*aria-describedby=\"refusal\"[^>]*>Xã không có chợ</textarea>")
                .as("the text is not at fault").doesNotContainPattern("id=\"na-explanation\"[^>]*aria-invalid");
        assertThat(staff.get(criterion).body()).as("once").doesNotContain(">Xã không có chợ</textarea>");
    }

    @Test
    void anotherCommunesEntryDoesNotExistForCommuneStaff() {
        WebClient otherStaff = new WebClient(port).login("xa.annghia", PASSWORD);
        long other = EntryPages.saveFirst(otherStaff, "05347", period, "G1.C2", "level=1");

        HttpResponse<String> response = staff.get("/entries/" + other);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Ân Nghĩa");
        assertThat(staff.get("/communes/05347/periods/" + period).statusCode()).isEqualTo(404);
        assertThat(staff.get(EntryPages.criterion("05347", period, "G1.C1")).statusCode()).isEqualTo(404);
        assertThat(postAt(EntryPages.criterion("05347", period, "G1.C1"), "value", "version=1&level=3").statusCode())
                .isEqualTo(404);
        assertThat(postAt(EntryPages.criterion("05305", period, "G1.C1"), "value", "").statusCode())
                .isEqualTo(200);
    }

    /** Posts one of the entry page's forms at the criterion's address, with a token from the client's own page. */
    private HttpResponse<String> postAt(String criterion, String action, String fields) {
        String token = WebClient.csrfToken(staff.get("/account"));
        return staff.post(criterion + "/" + action, "_csrf=" + token + (fields.isEmpty() ? "" : "&" + fields));
    }

    private static long versionOn(String page) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(matcher.find()).as("a form with the version").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
