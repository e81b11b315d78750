package org.communedx.web.framework;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The editing, export and import routes over HTTP, with who may use them. Every test works on its own draft. */
@TrackerIntegrationTest
class FrameworkEditingIT {

    @LocalServerPort
    int port;

    @Test
    void administratorEditsADraftWithTheForms() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-edit");

        assertRedirectsToDraft(admin.post(draft + "/title", form(admin, draft, "titleVi", "Mô hình sửa đổi",
                "titleEn", "Revised model")), draft);
        assertRedirectsToDraft(admin.post(draft + "/groups/new", form(admin, draft, "code", "G7", "nameVi",
                "Nhóm thử", "nameEn", "Trial group")), draft);
        String page = admin.get(draft).body();
        long g7 = groupId(page, "G7");
        assertRedirectsToDraft(admin.post(draft + "/groups/" + g7 + "/criteria/new",
                criterion(admin, draft, "G7.C1", "LEVEL", "2")), draft);
        // A target of 100 and a weight of 10 read as typed, not as 1E+2 and 1E+1, which the form would refuse.
        String g1c1 = admin.get(draft + "/criteria/" + criterionId(page, "G1.C1") + "/edit").body();
        assertThat(g1c1).containsPattern("name=\"target\"[^>]*value=\"100\"").doesNotContain("E+");
        assertRedirectsToDraft(admin.post(draft + "/criteria/" + criterionId(page, "G1.C1") + "/edit",
                criterion(admin, draft, "G1.C1", "PERCENT", "87,5") + rowVersion(g1c1)), draft);
        assertThat(admin.get(draft + "/criteria/" + criterionId(page, "G1.C1") + "/edit").body())
                .as("a decimal comma as Vietnamese write it").containsPattern("name=\"target\"[^>]*value=\"87,5\"");
        assertRedirectsToDraft(admin.post(draft + "/criteria/" + criterionId(page, "G2.C3") + "/move-up",
                form(admin, draft)), draft);
        assertRedirectsToDraft(admin.post(draft + "/criteria/" + criterionId(page, "G6.C1") + "/remove",
                form(admin, draft)), draft);
        assertRedirectsToDraft(admin.post(draft + "/groups/" + g7 + "/move-up", form(admin, draft)), draft);

        String edited = admin.get(draft).body();
        assertThat(edited).contains("Mô hình sửa đổi", "Tiêu chí G7.C1", "Mức ≥\u00a02", "≥\u00a087,5%", "7 nhóm tiêu chí, 27 tiêu chí")
                // Nothing on the page, the footer included, still speaks of DX-XA 1.0's six groups.
                .doesNotContain("<code>G6.C1</code>", "6 nhóm tiêu chí");
        assertThat(order(edited, "<code>G2.C2</code>", "<code>G2.C3</code>")).as("G2.C3 moved above G2.C2")
                .isGreaterThan(0);
        assertThat(order(edited, "aria-labelledby=\"group-G6\"", "aria-labelledby=\"group-G7\"")).as("G7 above G6")
                .isGreaterThan(0);
    }

    @Test
    void anAdministratorFindsTheirDraftEditInTheAuditTrail() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-audit");
        long c1 = criterionId(admin.get(draft).body(), "G1.C1");

        assertRedirectsToDraft(admin.post(draft + "/criteria/" + c1 + "/edit",
                criterion(admin, draft, "G1.C1", "COUNT", "12")
                        + rowVersion(admin.get(draft + "/criteria/" + c1 + "/edit").body())), draft);

        String found = admin.get("/audit?actor=admin&entityType=CRITERION&action=EDIT").body();
        assertThat(found).contains(
                "<option value=\"CRITERION\" selected=\"selected\">Định nghĩa tiêu chí (bộ tiêu chí)");
        List<String> changes = auditChanges(found, " · DX-XA 1.1-it-audit");
        assertThat(changes).as("each changed field, before and after, in words")
                .contains("Kiểu giá trị: Tỷ lệ (%) → Số lượng")
                .anySatisfy(change -> assertThat(change).startsWith("Chỉ tiêu: ").endsWith(" → 12"))
                .anySatisfy(change -> assertThat(change).startsWith("Minh chứng thường gặp (tiếng Anh): ")
                        .endsWith("minutes"));
        assertThat(found.substring(found.indexOf("id=\"audit-events\""))).doesNotContain("&quot;", "null");

        String cloned = admin.get("/audit?entityType=FRAMEWORK&action=CLONE").body();
        assertThat(cloned).contains("Sao chép thành bản nháp", ">DX-XA 1.1-it-audit</span>");
        assertThat(auditChanges(cloned, "DX-XA 1.1-it-audit")).contains("Sao chép từ: DX-XA 1.0");
    }

    /**
     * The changed fields of the newest audit row whose subject ends with {@code subject}, e.g. " · DX-XA 1.1" for a
     * criterion of that version, or "DX-XA 1.1" for the version itself.
     */
    private static List<String> auditChanges(String page, String subject) {
        int at = page.indexOf(subject.startsWith(" ") ? subject + "</span>" : ">" + subject + "</span>");
        assertThat(at).as(subject + " in the audit trail").isPositive();
        String row = page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
        Matcher change = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(row);
        List<String> changes = new ArrayList<>();
        while (change.find()) {
            // A long row shows its changes twice: cut to a line, and whole under its disclosure.
            if (!changes.contains(change.group(1))) {
                changes.add(change.group(1));
            }
        }
        return changes;
    }

    private static int auditRows(String page, String subject) {
        return page.split(Pattern.quote(">" + subject + "</span>"), -1).length - 1;
    }

    /**
     * Two administrators with the same criterion's form open: the second save is refused, its typed values kept to be
     * copied, instead of silently putting back what the first changed.
     */
    @Test
    void aCriterionSavedMeanwhileIsNotOverwritten() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-twice");
        String edit = draft + "/criteria/" + criterionId(admin.get(draft).body(), "G1.C1") + "/edit";
        String opened = rowVersion(admin.get(edit).body());

        assertRedirectsToDraft(admin.post(edit, criterion(admin, draft, "G1.C1", "PERCENT", "60") + opened), draft);
        HttpResponse<String> second = admin.post(edit, criterion(admin, draft, "G1.C1", "PERCENT", "70") + opened);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("id=\"form-refusal\"", "Tiêu chí này vừa được người khác lưu")
                .containsPattern("name=\"target\"[^>]*value=\"70\"");
        assertThat(admin.get(edit).body()).as("the first save stands")
                .containsPattern("name=\"target\"[^>]*value=\"60\"");
        assertThat(admin.post(edit, criterion(admin, draft, "G1.C1", "PERCENT", "70")).body())
                .as("a form that says no version").contains("id=\"form-refusal\"");

        String page = admin.get(draft).body();
        String third = draft + "/criteria/" + criterionId(page, "G2.C3") + "/edit";
        String thirdOpened = rowVersion(admin.get(third).body());
        assertRedirectsToDraft(admin.post(draft + "/criteria/" + criterionId(page, "G2.C4") + "/move-up",
                form(admin, draft)), draft);
        assertRedirectsToDraft(admin.post(draft + "/criteria/" + criterionId(page, "G2.C1") + "/remove",
                form(admin, draft)), draft);
        // A sibling moved or removed changed the criterion's place, not the criterion: its form still saves.
        assertRedirectsToDraft(admin.post(third, criterion(admin, draft, "G2.C3", "PERCENT", "75") + thirdOpened),
                draft);
    }

    @Test
    void criterionFormShowsRefusalsNextToTheirFields() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-form");
        long g1 = groupId(admin.get(draft).body(), "G1");

        HttpResponse<String> outOfRange = admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "G1.C9", "LEVEL", "5"));
        assertThat(outOfRange.statusCode()).isEqualTo(200);
        assertThat(outOfRange.body()).contains("Tiêu chí G1.C9: chỉ tiêu 5 phải là mức 0, 1, 2 hoặc 3.",
                "aria-describedby=\"target-error target-help\"");

        assertThat(admin.post(draft + "/groups/" + g1 + "/criteria/new", criterion(admin, draft, "G1.C9", "PERCENT",
                "100,5")).body()).as("as it was typed, not 100.5").contains("Tiêu chí G1.C9: chỉ tiêu 100,5 phải từ 0 đến 100.");

        HttpResponse<String> duplicate = admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "G1.C1", "PERCENT", "50"));
        assertThat(duplicate.body()).contains("Mã G1.C1 trùng với mã G1.C1 đã có", "aria-describedby=\"code-error\"");
        assertThat(admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "g1.c1", "PERCENT", "50")).body())
                .contains("Mã g1.c1 trùng với mã G1.C1 đã có (mã không phân biệt chữ hoa, chữ thường).");

        HttpResponse<String> notAnAddress = admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "<b>X</b>/../y", "PERCENT", "50"));
        assertThat(notAnAddress.body()).contains("Mã “&lt;b&gt;X&lt;/b&gt;/../y” chỉ được gồm chữ cái không dấu",
                "aria-describedby=\"code-error\"");
        assertThat(admin.post(draft + "/groups/new", form(admin, draft, "code", "G 9", "nameVi", "Nhóm 9",
                "nameEn", "Group 9")).body()).contains("Mã “G 9” chỉ được gồm chữ cái không dấu");

        // A version's own problem reads as a sentence, at its field, which keeps what was typed.
        HttpResponse<String> taken = admin.post("/frameworks/DX-XA/1.0/clone",
                form(admin, "/frameworks/DX-XA/1.0", "newVersion", "1.0"));
        assertThat(admin.get(taken.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body()).containsPattern("id=\"newVersion-error\"[^>]*>\\s*<span>Phiên bản 1.0 đã tồn tại.</span>")
                .containsPattern("id=\"newVersion\"[^>]*aria-invalid=\"true\"[^>]*value=\"1.0\"")
                .doesNotContain("<code>DX-XA</code>");
        HttpResponse<String> sameButCase = admin.post("/frameworks/DX-XA/1.0/clone",
                form(admin, "/frameworks/DX-XA/1.0", "newVersion", "1.1-IT-FORM"));
        assertThat(admin.get(sameButCase.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body()).contains("Phiên bản 1.1-IT-FORM đã tồn tại.");
        // ".." is no address of its own: a draft so named could never be opened, edited or removed.
        HttpResponse<String> dots = admin.post("/frameworks/DX-XA/1.0/clone",
                form(admin, "/frameworks/DX-XA/1.0", "newVersion", ".."));
        assertThat(admin.get(dots.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body()).contains("bắt đầu bằng chữ hoặc số");
        assertThat(admin.get("/frameworks").body()).doesNotContain("DX-XA ..");

        HttpResponse<String> blank = admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "", "PERCENT", "50"));
        assertThat(blank.body()).contains("Nhập mã, tối đa 32 ký tự.");

        // A number that cannot be read and an empty name, said in one round: the name had waited for the next.
        HttpResponse<String> unreadable = admin.post(draft + "/groups/" + g1 + "/criteria/new",
                criterion(admin, draft, "G1.C9", "PERCENT", "50").replace("&weight=1", "&weight=abc")
                        .replace("&nameVi=", "&nameVi=&x="));
        assertThat(unreadable.body()).contains("Nhập trọng số lớn hơn 0 và nhỏ hơn 10.000",
                "Nhập tên (nhóm tối đa 300 ký tự, tiêu chí tối đa 500 ký tự).")
                .containsPattern("id=\"weight\"[^>]*value=\"abc\"");
        HttpResponse<String> title = admin.post(draft + "/title", form(admin, draft, "titleVi", "", "titleEn", "Index",
                "scoreDisplay", "POINTS", "declaredTotal", "abc", "scoreDecimals", "2"));
        assertThat(title.body()).contains("Nhập tên tiếng Việt (tối đa 300 ký tự).");
        assertThat(admin.get(draft).body()).doesNotContain("G1.C9").contains("27 tiêu chí thành phần");
    }

    @Test
    void anAdministratorSetsAScoringRuleAndSeesItsProblemsAtTheStepsField() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-scoring");
        long g1 = groupId(admin.get(draft).body(), "G1");
        String url = draft + "/groups/" + g1 + "/criteria/new";

        HttpResponse<String> notABand = admin.post(url, scored(admin, draft, "STEPS", "0-50=0"));
        assertThat(notABand.statusCode()).isEqualTo(200);
        assertThat(notABand.body()).contains("“0-50=0” không phải một bậc điểm",
                "aria-describedby=\"steps-error steps-help\"");
        assertThat(admin.get(url).body()).as("the bands' format, read with the field")
                .containsPattern("<input[^>]*aria-describedby=\"steps-help\"[^>]*>");

        assertThat(admin.post(url, scored(admin, draft, "STEPS", "0..50=0; 50..=80").replace("&weight=1",
                "&weight=1%2C5")).body()).as("as the version page writes the weight")
                .contains("Tiêu chí G1.C9: bậc 80 điểm vượt điểm tối đa 1,5 của tiêu chí.");

        HttpResponse<String> broken = admin.post(url, scored(admin, draft, "STEPS", "0..60=0; 50..80=2; 90..=1"));
        assertThat(broken.body()).contains("Tiêu chí G1.C9: bậc 2 điểm vượt điểm tối đa 1 của tiêu chí.",
                "Tiêu chí G1.C9: bậc 0..60 và bậc 50..80 chồng lên nhau.",
                "Tiêu chí G1.C9: có khoảng trống giữa 80 và 90, chưa thuộc bậc nào.");
        assertThat(admin.get(draft).body()).doesNotContain("G1.C9");

        HttpResponse<String> closed = admin.post(url, scored(admin, draft, "STEPS", "0..50=0; 50..100=1"));
        assertThat(closed.body()).contains("Tiêu chí G1.C9: giá trị từ 100 trở lên không thuộc bậc nào vì bậc cuối "
                + "50..100 có cận trên");
        assertThat(admin.get(draft).body()).doesNotContain("G1.C9");

        assertRedirectsToDraft(admin.post(url, scored(admin, draft, "STEPS", "0..50.5=0; 50.5..=1")), draft);
        assertThat(admin.get(draft).body()).as("with the language's decimal mark")
                .contains("<code>G1.C9</code>", "Theo bậc: 0..50,5=0; 50,5..=1")
                .as("the 27 criteria of DX-XA 1.0's rule need no note").doesNotContain("Đạt thì trọn điểm");
        Matcher row = Pattern.compile("id=\"criterion-(\\d+)\">\\s*<td><code>G1.C9</code>").matcher(admin.get(draft).body());
        assertThat(row.find()).isTrue();
        assertThat(admin.get(draft + "/criteria/" + row.group(1) + "/edit").body()).as("the form as the page")
                .contains("value=\"0..50,5=0; 50,5..=1\"");
        assertThat(admin.get(draft + "?lang=en").body()).contains("0..50.5=0; 50.5..=1");
    }

    @Test
    void anAdministratorShowsAVersionInPointsAndPublishingHoldsItToItsDeclaredTotal() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-points");

        HttpResponse<String> badDecimals = admin.post(draft + "/title", form(admin, draft, "titleVi", "Chỉ số",
                "titleEn", "Index", "scoreDisplay", "POINTS", "scoreDecimals", "5", "declaredTotal", "30"));
        assertThat(badDecimals.statusCode()).isEqualTo(200);
        assertThat(badDecimals.body()).contains("Nhập số nguyên từ 0 đến 2.");

        assertRedirectsToDraft(admin.post(draft + "/title", form(admin, draft, "titleVi", "Chỉ số", "titleEn",
                "Index", "scoreDisplay", "POINTS", "scoreDecimals", "1", "declaredTotal", "30")), draft);
        assertThat(admin.get(draft).body())
                .contains("Kết quả hiển thị theo điểm; tổng điểm tối đa 27, làm tròn 1 chữ số thập phân.");
        assertThat(admin.get(draft + "/title").body()).contains("value=\"POINTS\" selected", "value=\"30");

        admin.post(draft + "/publish", form(admin, draft));
        assertThat(admin.get(draft).body()).contains(
                "Tổng điểm công bố là 30 nhưng điểm tối đa của các tiêu chí cộng lại là 27.", "Bản nháp");
    }

    @Test
    void anAdministratorGivesADraftClassesInOneFormAndTheSaveIsAudited() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-cl");
        assertThat(admin.get(draft).body()).contains("href=\"" + draft + "/classes\"");
        String empty = admin.get(draft + "/classes").body();
        assertThat(empty).contains("Ngưỡng tính theo phần trăm, từ 0 đến 100.",
                "<label class=\"visually-hidden\" for=\"class-0-nameVi\">Tên tiếng Việt, dòng 1</label>",
                "<label class=\"visually-hidden\" for=\"class-0-threshold\">Ngưỡng, dòng 1</label>")
                .doesNotContain("class-1-nameVi", "Xóa dòng 1");

        // "1.000" is one thousand as the version's page writes it; read as 1 it was saved without a word.
        assertThat(admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Xuất sắc", "Excellent", "1.000"), row(1, "Yếu", "Weak", "0"))).body())
                .contains("Hãy nhập số không có dấu phân cách hàng nghìn, ví dụ 1000 cho một nghìn.");
        assertRedirectsToDraft(admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Xuất sắc", "Excellent", "90"), row(1, "Khá", "Fair", "62,5"), row(2, "Yếu", "Weak", "0"),
                row(3, "", "", ""))), draft);
        String page = admin.get(draft).body();
        assertThat(page).contains("Đã lưu mức xếp loại.", "Xuất sắc: từ 90", "Khá: từ 62,5", "Yếu: từ 0");
        assertThat(order(page, "Xuất sắc: từ 90", "Khá: từ 62,5")).isLessThan(0);
        String saved = admin.get(draft + "/classes").body();
        assertThat(saved).contains("value=\"Excellent\"", "value=\"62.5\"", "Xóa dòng 3", "id=\"class-3-nameVi\"")
                .doesNotContain("Xóa dòng 4");

        // Remove Khá and put Tốt in its place, in one save.
        assertRedirectsToDraft(admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Xuất sắc", "Excellent", "90"), row(1, "Khá", "Fair", "62.5"), "classes[1].remove", "true",
                row(2, "Tốt", "Good", "75"), row(3, "Yếu", "Weak", "0"))), draft);
        assertThat(admin.get(draft).body()).contains("Tốt: từ 75").doesNotContain("Khá: từ");

        String found = admin.get("/audit?actor=admin&entityType=FRAMEWORK&action=EDIT").body();
        String classes = auditChanges(found, "DX-XA 1.1-it-cl").stream()
                .filter(change -> change.startsWith("Xếp loại: ")).findFirst().orElseThrow();
        String[] sides = classes.substring("Xếp loại: ".length()).split(" → ");
        assertThat(sides).as("the newest edit first: before and after").hasSize(2);
        assertThat(sides[0]).contains("Khá", "62.5");
        assertThat(sides[1]).contains("Tốt", "Good", "75").doesNotContain("Khá");
    }

    @Test
    void badClassesAreShownAtTheirFieldsAndListedInTheUsersLanguageAndNothingIsSaved() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-cl-bad");
        assertRedirectsToDraft(admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Đạt", "Pass", "50"))), draft);

        HttpResponse<String> refused = admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Khá", "Fair", "60"), row(1, "Tốt", "Good", "80"), row(2, "Trung bình", "Average", "60"),
                row(3, "khá", "Fairish", "120"), row(4, "", "Weak", "1,234"), row(5, "", "", "")));
        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).as("a row that is not a class is refused, and the others are checked together at once")
                .contains("Chưa lưu được (7 lỗi); chưa có gì được lưu:",
                        "Dòng 2: Mức xếp loại “Tốt”: ngưỡng 80 phải thấp hơn ngưỡng 60 của mức “Khá” đứng trước",
                        "Dòng 4: Mức xếp loại “khá”: tên này đã dùng cho một mức khác.",
                        "Dòng 5: Nhập tên tiếng Việt của mức xếp loại, tối đa 100 ký tự.",
                        "Dòng 5: Nhập ngưỡng là một số, tối đa 2 chữ số thập phân, ví dụ 750 hoặc 62,5.",
                        "aria-describedby=\"class-4-nameVi-error\"", "id=\"class-4-threshold-error\"",
                        "value=\"1,234\"", "value=\"Fairish\"");

        // A threshold is written back as the reader writes numbers: 62,5 in Vietnamese, 62.5 in English.
        assertThat(admin.post(draft + "/classes", form(admin, draft + "/classes", row(0, "Khá", "Fair", "60"),
                row(1, "Tốt", "Good", "62,5"))).body())
                .contains("Mức xếp loại “Tốt”: ngưỡng 62,5 phải thấp hơn ngưỡng 60 của mức “Khá” đứng trước");

        HttpResponse<String> together = admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Khá", "Fair", "60"), row(1, "Tốt", "Good", "80"), row(2, "Trung bình", "Average", "60"),
                row(3, "khá", "Fairish", "120"), row(4, "Yếu", "Weak", "0"), "classes[4].remove", "true"));
        assertThat(together.statusCode()).isEqualTo(200);
        assertThat(together.body()).contains("Chưa lưu được (5 lỗi); chưa có gì được lưu:",
                "Dòng 2: Mức xếp loại “Tốt”: ngưỡng 80 phải thấp hơn ngưỡng 60 của mức “Khá” đứng trước",
                "Dòng 3: Mức xếp loại “Trung bình”: ngưỡng 60 đã dùng cho một mức khác.",
                "Dòng 4: Mức xếp loại “khá”: ngưỡng 120 phải nằm trong khoảng từ 0 đến 100.",
                "Dòng 4: Mức xếp loại “khá”: tên này đã dùng cho một mức khác.",
                "aria-describedby=\"class-1-threshold-error\" aria-invalid=\"true\"",
                "aria-describedby=\"class-3-nameVi-error\"", "href=\"#class-2-threshold\"")
                .as("the removed row is gone, and an empty row follows").doesNotContain("value=\"Weak\"")
                .contains("id=\"class-4-nameVi\"").doesNotContain("id=\"class-5-nameVi\"");

        admin.get(draft + "?lang=en");
        HttpResponse<String> english = admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Khá", "Fair", "60"), row(1, "Tốt", "Good", "62.5")));
        assertThat(english.body()).contains("Not saved because of 1 problem:",
                "Row 2: Class “Good”: the threshold 62.5 must be below the threshold 60 of “Fair” listed before it");
        admin.get(draft + "?lang=vi");

        // A row past the most a list binds, which no page writes: a request refused, not a server error.
        HttpResponse<String> far = admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(300, "Khá", "Fair", "60")));
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("Không thể xử lý yêu cầu", "id=\"nav-notifications\"");

        assertThat(admin.get(draft).body()).as("nothing saved").contains("Đạt: từ 50").doesNotContain("Khá: từ");
        String audited = admin.get("/audit?actor=admin&entityType=FRAMEWORK&action=EDIT").body();
        assertThat(auditRows(audited, "DX-XA 1.1-it-cl-bad")).as("the first save alone").isEqualTo(1);
        assertThat(auditChanges(audited, "DX-XA 1.1-it-cl-bad")).filteredOn(change -> change.startsWith("Xếp loại: "))
                .singleElement().satisfies(change -> assertThat(change).contains("Đạt").doesNotContain("Khá"));
    }

    @Test
    void anotherRowKeepsWhatWasTypedAndSavesNothing() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-cl-row");

        HttpResponse<String> more = admin.post(draft + "/classes", form(admin, draft + "/classes",
                row(0, "Tốt", "Good", "80"), "addRow", "true"));
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).contains("value=\"Good\"", "id=\"class-1-nameVi\"", "Xóa dòng 1")
                .doesNotContain("role=\"alert\"");
        assertThat(admin.get(draft).body()).doesNotContain("Tốt: từ");
    }

    @Test
    void aPublishedVersionsClassesCannotBeEdited() {
        WebClient admin = admin();
        String published = "/frameworks/DX-XA/1.0";
        assertThat(admin.get(published).body()).doesNotContain(published + "/classes");

        HttpResponse<String> formPage = admin.get(published + "/classes");
        assertThat(formPage.statusCode()).isEqualTo(302);
        HttpResponse<String> save = admin.post(published + "/classes", form(admin, published,
                row(0, "Tốt", "Good", "80")));
        assertThat(save.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(published));
        assertThat(admin.get(published).body()).contains("Phiên bản 1.0 đã ban hành nên không thể sửa")
                .doesNotContain("Tốt: từ 80");
    }

    /** The fields of one row of the classes form. */
    private static String[] row(int index, String nameVi, String nameEn, String threshold) {
        return new String[] { "classes[" + index + "].nameVi", nameVi, "classes[" + index + "].nameEn", nameEn,
                "classes[" + index + "].threshold", threshold };
    }

    @Test
    void idOfAnotherVersionAnswersNotFound() {
        WebClient admin = admin();
        String mine = cloneDraft(admin, "1.1-it-mine");
        String other = cloneDraft(admin, "1.1-it-other");
        String otherPage = admin.get(other).body();
        long otherCriterion = criterionId(otherPage, "G2.C1");
        long otherGroup = groupId(otherPage, "G2");

        assertThat(admin.get(mine + "/criteria/" + otherCriterion + "/edit").statusCode()).isEqualTo(404);
        assertThat(admin.get(mine + "/groups/" + otherGroup + "/edit").statusCode()).isEqualTo(404);
        assertThat(admin.post(mine + "/criteria/" + otherCriterion + "/remove", form(admin, mine)).statusCode())
                .isEqualTo(404);
        assertThat(admin.post(mine + "/groups/" + otherGroup + "/move-down", form(admin, mine)).statusCode())
                .isEqualTo(404);
        assertThat(admin.get(other).body()).contains("<code>G2.C1</code>");
    }

    @Test
    void publishedVersionOffersNoEditingAndRefusesIt() {
        WebClient admin = admin();
        String published = "/frameworks/DX-XA/1.0";
        String page = admin.get(published).body();
        assertThat(page).doesNotContain("/groups/new", "/move-up", "/remove").contains("/export/yaml");

        HttpResponse<String> move = admin.post(published + "/criteria/" + criterionId(page, "G1.C2") + "/move-up",
                form(admin, published));
        assertThat(move.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(published));
        String after = admin.get(published).body();
        assertThat(after).contains("Phiên bản 1.0 đã ban hành nên không thể sửa");
        assertThat(order(after, "<code>G1.C1</code>", "<code>G1.C2</code>")).isLessThan(0);
        assertThat(admin.get(published + "/title").statusCode()).isEqualTo(302);
    }

    @Test
    void provinceManagerDownloadsButMayNeitherEditNorImport() {
        WebClient admin = admin();
        String draft = cloneDraft(admin, "1.1-it-manager");
        long g1 = groupId(admin.get(draft).body(), "G1");
        WebClient manager = new WebClient(port).login("tinh.hoabinh", FrameworkIT.DEMO_PASSWORD);
        HttpResponse<String> page = manager.get(draft);
        assertThat(page.body()).contains("/export/xlsx").doesNotContain("/groups/new", "/move-up");
        String token = "_csrf=" + WebClient.csrfToken(page);

        HttpResponse<byte[]> xlsx = manager.download(draft + "/export/xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "DX-XA-1.1-it-manager.xlsx"));
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(manager.download(draft + "/export/yaml").statusCode()).isEqualTo(200);

        assertThat(manager.get(draft + "/groups/new").statusCode()).isEqualTo(403);
        assertThat(manager.get(draft + "/groups/" + g1 + "/edit").statusCode()).isEqualTo(403);
        assertThat(manager.post(draft + "/groups/new", token + "&code=G9&nameVi=x&nameEn=x").statusCode())
                .isEqualTo(403);
        assertThat(manager.post(draft + "/groups/" + g1 + "/remove", token).statusCode()).isEqualTo(403);
        assertThat(manager.get("/frameworks/import").statusCode()).isEqualTo(403);
        assertThat(manager.postMultipart("/frameworks/import", Map.of("_csrf", WebClient.csrfToken(page)), "f.yaml",
                admin.download(draft + "/export/yaml").body()).statusCode()).isEqualTo(403);
        assertThat(admin.get(draft).body()).contains("<code>G1.C1</code>", "6 nhóm tiêu chí");
    }

    @Test
    void yamlAndXlsxDownloadsImportAsEqualDrafts() {
        WebClient admin = admin();
        byte[] yaml = admin.download("/frameworks/DX-XA/1.0/export/yaml").body();
        byte[] xlsx = admin.download("/frameworks/DX-XA/1.0/export/xlsx").body();

        HttpResponse<String> fromYaml = importFile(admin, "framework.pdf", yaml, "2.0-it-yaml");
        HttpResponse<String> fromXlsx = importFile(admin, "framework.yaml", xlsx, "2.0-it-xlsx");

        assertThat(fromYaml.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/frameworks/DX-XA/2.0-it-yaml"));
        String original = groups(admin, "1.0");
        assertThat(groups(admin, "2.0-it-yaml")).isEqualTo(original).contains("G6.C5");
        assertThat(groups(admin, "2.0-it-xlsx")).isEqualTo(original);
        assertThat(fromXlsx.statusCode()).isEqualTo(302);
        assertThat(admin.get("/frameworks/DX-XA/2.0-it-xlsx").body()).contains("Đã nhập tệp thành bản nháp mới.")
                .contains("Bản nháp");
    }

    @Test
    void badFileIsRefusedWithItsProblemsInTheUsersLanguageAndNothingIsSaved() {
        WebClient admin = admin();
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

        HttpResponse<String> vietnamese = importFile(admin, "framework.yaml", png, "2.0-it-png");
        assertThat(vietnamese.statusCode()).isEqualTo(200);
        assertThat(vietnamese.body()).contains("Chưa nhập được tệp (1 lỗi); chưa có gì được lưu:",
                "Tệp không phải văn bản YAML hay bảng tính Excel (XLSX); nội dung tệp là image/png.");

        admin.get("/frameworks?lang=en");
        String yaml = new String(admin.download("/frameworks/DX-XA/1.0/export/yaml").body(), StandardCharsets.UTF_8)
                .replaceFirst("type: \"PERCENT\"", "type: \"RATIO\"")
                .replaceFirst("(code: \"G1.C2\"(?:(?!code:)[\\s\\S])*?target: )100", "$1150");
        HttpResponse<String> english = importFile(admin, "framework.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                "2.0-it-bad");
        assertThat(english.body()).containsPattern("Line \\d+</span>\\s*<span[^>]*>Measured as:</span>\\s*"
                + "<span>Unknown measurement type RATIO; use BOOLEAN, PERCENT, COUNT or LEVEL.</span>");
        assertThat(english.body()).containsPattern("Line \\d+</span>\\s*<span[^>]*>Target:</span>\\s*"
                + "<span>Criterion G1.C2: the target 150 must be between 0 and 100.</span>");

        assertThat(admin.get("/frameworks").body()).doesNotContain("2.0-it-png", "2.0-it-bad");
    }

    @Test
    void unknownYamlFieldIsNamedInTheMessageWithoutAMissingLabel() {
        WebClient admin = admin();
        String yaml = new String(admin.download("/frameworks/DX-XA/1.0/export/yaml").body(), StandardCharsets.UTF_8)
                .replaceFirst("(\\n\\s+)nameVi: ", "$1a_vi: \"x\"$1nameVi: ");

        HttpResponse<String> refused = importFile(admin, "framework.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                "2.0-it-field");

        assertThat(refused.body()).containsPattern("Dòng \\d+</span>\\s*<span>Trường a_vi không có trong mẫu.</span>")
                .doesNotContain("??");

        String shapeless = "code: \"DX-T\"\nversion: \"1\"\ntitleVi: \"x\"\ntitleEn: \"x\"\ngroups: \"G1\"\n";
        HttpResponse<String> shape = importFile(admin, "framework.yaml", shapeless.getBytes(StandardCharsets.UTF_8),
                "2.0-it-shape");
        assertThat(shape.body()).containsPattern("Danh sách nhóm:</span>\\s*<span>Cần một danh sách")
                .doesNotContain("??");
    }

    private WebClient admin() {
        return new WebClient(port).login("admin", FrameworkIT.DEMO_PASSWORD);
    }

    private static String cloneDraft(WebClient admin, String version) {
        HttpResponse<String> clone = admin.post("/frameworks/DX-XA/1.0/clone",
                form(admin, "/frameworks/DX-XA/1.0", "newVersion", version));
        assertThat(clone.statusCode()).isEqualTo(302);
        return "/frameworks/DX-XA/" + version;
    }

    private static HttpResponse<String> importFile(WebClient admin, String name, byte[] content, String version) {
        String token = WebClient.csrfToken(admin.get("/frameworks/import"));
        return admin.postMultipart("/frameworks/import", Map.of("_csrf", token, "newVersion", version), name, content);
    }

    private static void assertRedirectsToDraft(HttpResponse<String> response, String draft) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains(draft).doesNotContain("error"));
    }

    private static String criterion(WebClient admin, String draft, String code, String type, String target) {
        return form(admin, draft, "code", code, "nameVi", "Tiêu chí " + code, "nameEn", "Criterion " + code,
                "descriptionVi", "", "descriptionEn", "", "type", type, "target", target, "comparison", "AT_LEAST",
                "unit", "", "weight", "1", "typicalEvidenceVi", "biên bản", "typicalEvidenceEn", "minutes",
                "evidenceRequired", "true", "_evidenceRequired", "on");
    }

    /** The version a criterion's edit page was opened on, as its form sends it back. */
    private static String rowVersion(String editPage) {
        Matcher version = Pattern.compile("name=\"rowVersion\" value=\"(\\d+)\"").matcher(editPage);
        assertThat(version.find()).as("the form says its version").isTrue();
        return "&rowVersion=" + version.group(1);
    }

    private static String scored(WebClient admin, String draft, String scoring, String steps) {
        return criterion(admin, draft, "G1.C9", "PERCENT", "80") + "&scoring=" + scoring + "&steps="
                + URLEncoder.encode(steps, StandardCharsets.UTF_8);
    }

    /** Form fields, URL-encoded, with the CSRF token of the given page; a {@code String[]} gives several at once. */
    private static String form(WebClient client, String page, Object... namesAndValues) {
        List<String> flat = new ArrayList<>();
        for (Object item : namesAndValues) {
            if (item instanceof String[] pairs) {
                flat.addAll(List.of(pairs));
            }
            else {
                flat.add((String) item);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", WebClient.csrfToken(client.get(page)));
        for (int i = 0; i < flat.size(); i += 2) {
            fields.put(flat.get(i), flat.get(i + 1));
        }
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long criterionId(String page, String code) {
        return id(page, "id=\"criterion-(\\d+)\">\\s*<td><code>" + Pattern.quote(code) + "</code>");
    }

    private static long groupId(String page, String code) {
        return id(page, "id=\"group-(\\d+)\"\\s+aria-labelledby=\"group-" + Pattern.quote(code) + "\"");
    }

    private static long id(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as(regex).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Negative when {@code first} comes before {@code second} on the page. */
    private static int order(String page, String first, String second) {
        assertThat(page).contains(first, second);
        return Integer.compare(page.indexOf(first), page.indexOf(second));
    }

    /** The groups and criteria as the API gives them, in order. */
    private static String groups(WebClient client, String version) {
        String document = client.get("/api/v1/frameworks/DX-XA/" + version, "application/json").body();
        return document.substring(document.indexOf("\"groups\""));
    }
}
