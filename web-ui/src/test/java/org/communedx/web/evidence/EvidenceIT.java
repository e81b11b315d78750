package org.communedx.web.evidence;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads and downloads over HTTP, as a browser sends them, against the demo commune Yên Phú (05305). */
@TrackerIntegrationTest
class EvidenceIT {

    private static final Map<String, String> METADATA = Map.of("documentNumber", "15/BC-UBND", "title",
            "Báo cáo kết quả", "issuingBody", "UBND xã Yên Phú", "documentDate", "2026-01-15");

    @LocalServerPort
    int port;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    PeriodRepository periods;

    @Autowired
    EvidenceRepository evidence;

    @Autowired
    CommuneDxProperties properties;

    WebClient staff;

    long entryId;

    String token;

    @BeforeEach
    void anEntryOfYenPhu() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("xa.yenphu", null, "ROLE_COMMUNE_STAFF"));
        long period = periods.findByName("Năm 2026").orElseThrow().getId();
        entryId = workflow.open("05305", period).entries().stream()
                .filter(entry -> entry.status().isEditable()).findFirst().orElseThrow().id();
        staff = new WebClient(port).login("xa.yenphu", "Demo@2025!");
        token = WebClient.csrfToken(staff.get("/account"));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** A browser sends a double quote in a file's name as %22 (the HTML standard): the name keeps its quotes. */
    @Test
    void aQuoteInAFileNameIsShownAsTheUserTypedIt() {
        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), "Báo cáo %22số%22 1.pdf",
                SampleFiles.pdf(31));

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entryId).body()).contains("Báo cáo &quot;số&quot; 1.pdf")
                .doesNotContain("%22số");
    }

    @Test
    void uploadsARealPdfThenDownloadsItAsAnAttachmentWithItsName() {
        long before = evidence.countByEntryId(entryId);
        byte[] pdf = SampleFiles.pdf(2);
        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), "Báo cáo <b>số 15</b>.pdf", pdf);
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/entries/" + entryId));
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before + 1);
        long id = last();
        assertThat(pdf.length).as("a file under a kilobyte").isLessThan(1024);
        assertThat(staff.get("/entries/" + entryId).body()).as("its size, never 0 KB")
                .contains("<span>" + pdf.length + " B</span>");

        HttpResponse<byte[]> download = staff.download("/evidence/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control")).as("never kept after logout on a shared PC")
                .hasValue("private, no-store");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(
                // Both names alike, a slash a space in each: no name can say a path.
                disposition).isEqualTo("attachment; filename=\"Bao-cao-b-so-15-b.pdf\"; "
                        + "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%3Cb%3Es%E1%BB%91%2015%3C%20b%3E.pdf"));

        HttpResponse<byte[]> inline = staff.download("/evidence/" + id + "/inline");
        assertThat(inline.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(inline.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("inline; filename=\"Bao-cao-b-so-15-b.pdf\";"));

        WebClient otherCommune = new WebClient(port).login("xa.annghia", "Demo@2025!");
        assertThat(otherCommune.download("/evidence/" + id).statusCode()).as("out of scope").isEqualTo(404);
        assertThat(otherCommune.download("/evidence/" + id + "/inline").statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).login("tinh.phutho", "Demo@2025!").download("/evidence/" + id).statusCode())
                .as("the province reviews the new Yên Phú, which no district stands over").isEqualTo(200);
        assertThat(new WebClient(port).login("huyen.lacson", "Demo@2025!").download("/evidence/" + id).statusCode())
                .as("the old district does not reach the new commune").isEqualTo(404);

        assertThat(staff.get("/entries/" + entryId).body()).as("removal asks first, on a page of its own")
                .contains("href=\"/evidence/" + id + "/remove\"").doesNotContain("action=\"/evidence/" + id + "/remove\"");
        HttpResponse<String> asking = staff.get("/evidence/" + id + "/remove");
        String asked = asking.body();
        assertThat(asked).contains("Xóa tệp “", "action=\"/evidence/" + id + "/remove\"",
                "href=\"/entries/" + entryId + "\"", "Giữ lại tệp");
        assertThat(evidence.existsById(id)).as("asking removes nothing").isTrue();
        assertThat(otherCommune.get("/evidence/" + id + "/remove").statusCode()).as("out of scope, named nowhere")
                .isEqualTo(404);
        HttpResponse<String> remove = staff.post("/evidence/" + id + "/remove", "_csrf=" + WebClient.csrfToken(asking));
        assertThat(remove.statusCode()).isEqualTo(302);
        assertThat(evidence.existsById(id)).isFalse();
        String history = staff.get("/entries/" + entryId).body();
        history = history.substring(history.indexOf("id=\"history\""));
        assertThat(history).as("the entry's history, the name escaped")
                .contains("Thêm minh chứng", "Xóa minh chứng", "(tệp Báo cáo &lt;b&gt;số 15&lt;/b&gt;.pdf)");
    }

    /** The list shows a photograph by a copy of a few kilobytes, which links to the original. */
    @Test
    void aPhotographIsListedByASmallThumbnail() {
        byte[] photo = SampleFiles.photo(2400, 1800);
        assertThat(staff.postMultipart(uploadPath(), fields(), "hien-truong.jpg", photo).statusCode()).isEqualTo(302);
        long id = last();

        assertThat(staff.get("/entries/" + entryId).body()).contains("src=\"/evidence/" + id + "/thumbnail\"",
                "href=\"/evidence/" + id + "/inline\"");
        HttpResponse<byte[]> thumbnail = staff.download("/evidence/" + id + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(thumbnail.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(thumbnail.body().length).as("of %d bytes", photo.length).isLessThan(photo.length / 20);
        WebClient otherCommune = new WebClient(port).login("xa.annghia", "Demo@2025!");
        assertThat(otherCommune.download("/evidence/" + id + "/thumbnail").statusCode()).isEqualTo(404);
    }

    /**
     * A file the list names but the store lacks (a disk not mounted, a file deleted by hand) is said so, in the user's
     * language, where it was "something went wrong"; the entry's list still shows, by a placeholder thumbnail.
     */
    @Test
    void aFileMissingFromTheStoreIsSaidSoAndTheListStillShows() throws Exception {
        byte[] photo = SampleFiles.photo(1313, 717);
        assertThat(staff.postMultipart(uploadPath(), fields(), "mat-tep.jpg", photo).statusCode()).isEqualTo(302);
        long id = last();
        String sha256 = evidence.findById(id).orElseThrow().getSha256();
        Path stored = properties.evidenceDirectory().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256);
        Files.delete(stored);

        HttpResponse<String> download = staff.get("/evidence/" + id);
        assertThat(download.statusCode()).isEqualTo(500);
        assertThat(download.body()).contains("<title>Không tìm thấy tệp minh chứng trong kho",
                "Thử lại sẽ không giúp được; hãy báo cho quản trị viên");
        HttpResponse<byte[]> thumbnail = staff.download("/evidence/" + id + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(staff.get("/entries/" + entryId).statusCode()).isEqualTo(200);
    }

    /**
     * PDF content uploaded as an HTML page is saved by the browser as a PDF, whichever name it prefers, and is listed
     * under the name it downloads as (it was listed as the HTML page).
     */
    @Test
    void aDownloadCarriesTheDetectedTypesExtension() {
        assertThat(staff.postMultipart(uploadPath(), fields(), "bao-cao.html", SampleFiles.pdf(3)).statusCode())
                .isEqualTo(302);
        assertThat(staff.download("/evidence/" + last()).headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"bao-cao.html.pdf\"; filename*=UTF-8''bao-cao.html.pdf");
        assertThat(staff.get("/entries/" + entryId).body()).contains(">bao-cao.html.pdf</span>")
                .doesNotContain(">bao-cao.html</span>");
    }

    /**
     * A document that never held during the period is no evidence for it, refused at the field that says so: one
     * that expired before the period began, or one in force only after it ended (9999 was taken). The refusal keeps
     * what was typed and asks for the file again.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-01 | validUntil    | 2025-12-31 | 31/12/2025, trước khi kỳ đánh giá bắt đầu (01/01/2026)
            2026-01-01 | effectiveDate | 9999-12-31 | 31/12/9999, sau khi kỳ đánh giá kết thúc (31/12/2026)
            """)
    void aDocumentThatNeverHeldDuringThePeriodIsRefusedAtItsField(String documentDate, String field, String day,
            String message) {
        String fieldId = "validUntil".equals(field) ? "evidence-valid-until" : "evidence-effective";
        long before = evidence.countByEntryId(entryId);
        Map<String, String> fields = fields();
        fields.put("documentDate", documentDate);
        fields.put(field, day);

        assertThat(staff.postMultipart(uploadPath(), fields, "ngoai-ky.pdf", SampleFiles.pdf(8)).statusCode())
                .isEqualTo(302);

        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
        assertThat(staff.get("/entries/" + entryId).body()).contains(message, "hãy chọn lại tệp trước khi tải lên")
                .as("at its field").containsPattern("id=\"" + fieldId + "\"[^>]*aria-invalid=\"true\"");
    }

    @Test
    void aDocxIsNeverShownInline() {
        byte[] xlsx = SampleFiles.xlsx();
        assertThat(staff.postMultipart(uploadPath(), fields(), "so-lieu.xlsx", xlsx).statusCode()).isEqualTo(302);
        long id = last();
        assertThat(staff.download("/evidence/" + id + "/inline").headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment;"));
    }

    @Test
    void refusesAnHtmlFileNamedPngAndStoresNothing() {
        long before = evidence.countByEntryId(entryId);
        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), "anh.png", SampleFiles.html());
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
        assertThat(staff.get("/entries/" + entryId).body()).as("the reason, and the fields as typed")
                .contains("Loại tệp này không được chấp nhận", "value=\"Báo cáo kết quả\"", "value=\"15/BC-UBND\"",
                        "value=\"UBND xã Yên Phú\"", "value=\"2026-01-15\"");
    }

    /** The form sent with no file chosen: an empty part without a name, which is no file, not an empty one. */
    @Test
    void noFileChosenAndAnEmptyFileAreToldApart() {
        long before = evidence.countByEntryId(entryId);

        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "", new byte[0]),
                "Hãy chọn tệp để tải lên.");
        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "rong.pdf", new byte[0]),
                "Tệp trống.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /**
     * The form sent empty (the browser leaves it to the page to say what is missing): every refusal at once, the file
     * among them, in the order of the fields, each a link to its field; and no "choose the file again" when none was
     * chosen.
     */
    @Test
    void anEmptyFormListsEveryRefusalInTheOrderOfItsFields() {
        long before = evidence.countByEntryId(entryId);
        String form = staff.get("/entries/" + entryId).body();
        form = form.substring(form.indexOf("for=\"evidence-file\""));
        assertThat(form).as("the required fields say so before a refusal, and what a photo gives")
                .containsPattern("for=\"evidence-title\"><span>Trích yếu</span> <span[^>]*>\\(bắt buộc\\)</span>")
                .containsPattern("for=\"evidence-issuer\"><span>Cơ quan ban hành</span> <span[^>]*>\\(bắt buộc\\)")
                .containsPattern("for=\"evidence-number\">Số văn bản</label>")
                .contains("aria-describedby=\"evidence-issuer-help\"", "Với ảnh chụp, ghi ngày chụp.");

        HttpResponse<String> sent = staff.postMultipart(uploadPath(), Map.of("_csrf", token), "", new byte[0]);
        assertThat(sent.statusCode()).isEqualTo(302);

        String page = staff.get("/entries/" + entryId).body();
        String problems = page.substring(page.indexOf("id=\"evidence-problems\""));
        problems = problems.substring(0, problems.indexOf("</div>"));
        assertThat(problems).containsSubsequence("href=\"#evidence-file\">Hãy chọn tệp để tải lên.",
                "href=\"#evidence-title\">", "href=\"#evidence-date\">", "href=\"#evidence-issuer\">")
                .doesNotContain("hãy chọn lại tệp");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /** A file of a type not accepted, sent with a field left empty: both said in one round, the file's first. */
    @Test
    void aFileOfTheWrongTypeIsSaidWithTheFieldsRefusals() {
        long before = evidence.countByEntryId(entryId);
        Map<String, String> fields = fields();
        fields.remove("title");

        assertThat(staff.postMultipart(uploadPath(), fields, "anh.png", SampleFiles.html()).statusCode())
                .isEqualTo(302);
        String page = staff.get("/entries/" + entryId).body();
        String problems = page.substring(page.indexOf("id=\"evidence-problems\""));
        problems = problems.substring(0, problems.indexOf("</div>"));
        assertThat(problems).containsSubsequence("href=\"#evidence-file\">Loại tệp này không được chấp nhận",
                "href=\"#evidence-title\">");
        assertThat(page).as("the page's title says the form was refused").contains("<title>Lỗi: ");
        assertThat(staff.get("/entries/" + entryId).body()).as("and only then").doesNotContain("<title>Lỗi: ");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /**
     * A file of the wrong type dated in the future, and one with an empty title dated in the future: every problem in
     * one round, the dates' with the fields' and the file's, where each came a round later, the file sent again each
     * time (some 40 s for 2 MB on a commune's slow link).
     */
    @Test
    void theDatesRefusalsComeInTheSameRoundAsTheFieldsAndTheFiles() {
        long before = evidence.countByEntryId(entryId);
        Map<String, String> future = fields();
        future.put("documentDate", LocalDate.now().plusYears(4).toString());

        staff.postMultipart(uploadPath(), future, "gia.pdf", SampleFiles.html());
        assertThat(problems(staff.get("/entries/" + entryId).body())).containsSubsequence(
                "href=\"#evidence-file\">Loại tệp này không được chấp nhận",
                "href=\"#evidence-date\">Ngày văn bản không được ở tương lai.");

        future.remove("title");
        staff.postMultipart(uploadPath(), future, "bao-cao.pdf", SampleFiles.pdf(1));
        assertThat(problems(staff.get("/entries/" + entryId).body())).containsSubsequence("href=\"#evidence-title\">",
                "href=\"#evidence-date\">Ngày văn bản không được ở tương lai.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    private static String problems(String page) {
        String problems = page.substring(page.indexOf("id=\"evidence-problems\""));
        return problems.substring(0, problems.indexOf("</div>"));
    }

    /**
     * A date typed by hand where the browser has no date picker, or a day that does not exist: the field's own
     * message, never the converter's, and a title over its limit comes back cut to it rather than lost (its own
     * message comes once the dates are right: a form whose fields cannot be read is not checked further).
     */
    @Test
    void aDateThatIsNotOneIsNamedAndTheRestOfTheFormKept() {
        long before = evidence.countByEntryId(entryId);
        Map<String, String> fields = fields();
        // Day first with slashes, as the pages write days, is read (DateInput); with dashes it is no day.
        fields.put("documentDate", "15-03-2026");
        fields.put("validUntil", "2026-02-30");
        fields.put("title", "Báo cáo kết quả " + "x".repeat(300));

        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields, "bao-cao.pdf", SampleFiles.pdf(1)),
                "Ngày văn bản không phải là một ngày hợp lệ; chưa có gì được lưu.");
        assertThat(staff.postMultipart(uploadPath(), fields, "bao-cao.pdf", SampleFiles.pdf(1)).statusCode())
                .isEqualTo(302);
        String page = staff.get("/entries/" + entryId + "?lang=en").body();
        assertThat(page).doesNotContain("??", "java.time")
                .contains("The valid-until date is not a valid date; nothing was saved.",
                        "value=\"Báo cáo kết quả " + "x".repeat(255 - "Báo cáo kết quả ".length()) + "\"");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /** Each refusal stands under its field, which names it for screen readers, as the value form's do. */
    @Test
    void eachRefusalIsLinkedToItsField() {
        Map<String, String> fields = fields();
        fields.put("documentDate", LocalDate.now().plusYears(1).toString());
        fields.put("title", " ");
        assertThat(staff.postMultipart(uploadPath(), fields, "bao-cao.pdf", SampleFiles.pdf(1)).statusCode())
                .isEqualTo(302);
        String page = staff.get("/entries/" + entryId).body();

        assertThat(page).containsPattern("class=\"form-control is-invalid\" type=\"text\" id=\"evidence-title\"[^>]*"
                + "aria-invalid=\"true\" aria-describedby=\"evidence-title-error\"")
                .containsPattern("id=\"evidence-title-error\"[^>]*>\\s*<span[^>]*>Hãy nhập trích yếu văn bản.</span>")
                .doesNotContain("id=\"evidence-issuingBody-error\"")
                .containsPattern("id=\"evidence-number\"[^>]*aria-describedby=\"evidence-number-help\"");
        assertThat(staff.get("/entries/" + entryId).body()).as("the refusals are the next page's only")
                .doesNotContain("aria-invalid=\"true\"");

        // Files of one title each have a remove button of their own name.
        assertThat(staff.postMultipart(uploadPath(), fields(), "bien-ban-thang-3.pdf", SampleFiles.pdf(32))
                .statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entryId).body())
                .contains("aria-label=\"Xóa “" + fields().get("title") + "” (bien-ban-thang-3.pdf)\"");
    }

    @Test
    void anUploadOverTheLimitGetsAClearPageAndTheEntryIsUnchanged() {
        long before = evidence.countByEntryId(entryId);
        byte[] big = new byte[26 * 1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), "lon.pdf", big);
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entryId).body()).contains("Tệp lớn hơn 25 MB; chưa có gì được lưu.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /**
     * A PNG of a few hundred kilobytes that declares 60000 × 1800 pixels (324 MB decoded) is refused from its
     * header, with the limit in the user's language; the server, which used to run out of memory decoding it, stays
     * healthy and answers at once.
     */
    @Test
    void aPixelBombIsRefusedAndTheServerStaysHealthy() {
        long before = evidence.countByEntryId(entryId);
        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), "ban-do.png",
                SampleFiles.pngDeclaring(60000, 1800));
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entryId).body()).contains(
                "Ảnh có 60000 × 1800 điểm ảnh, vượt giới hạn 50 triệu điểm ảnh; chưa có gì được lưu.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);

        long start = System.nanoTime();
        HttpResponse<String> health = staff.get("/actuator/health", "application/json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(took).isLessThan(TestWait.target(Duration.ofSeconds(1)));
    }

    /**
     * A file name too long for Tomcat's part header limit, or with a NUL, which Tomcat refuses, or with another
     * control character, which the service refuses: each gets the reason on the entry page, never a bare page.
     */
    @Test
    void aFileNameTooLongOrWithControlCharactersIsRefusedOnTheEntryPage() {
        long before = evidence.countByEntryId(entryId);
        byte[] pdf = SampleFiles.pdf(1);
        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "bien-ban-".repeat(250) + ".pdf", pdf),
                "Tên tệp quá dài; chưa có gì được lưu. Hãy đặt tên ngắn hơn rồi tải lên lại.");
        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "bien\u0000ban.pdf", pdf),
                "Tên tệp có ký tự không hợp lệ; chưa có gì được lưu. Hãy đổi tên tệp rồi tải lên lại.");
        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "bien\u0001ban.pdf", pdf),
                "Tên tệp có ký tự không hợp lệ; chưa có gì được lưu. Hãy đổi tên tệp rồi tải lên lại.");
        // The form's own text, which the filter on ordinary forms does not see in an upload: PostgreSQL refused it.
        Map<String, String> fields = fields();
        fields.put("title", "Biên bản\u0000");
        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields, "bien-ban.pdf", pdf),
                "Số hiệu, trích yếu hoặc cơ quan ban hành có ký tự điều khiển, không lưu được; hãy gõ lại.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /**
     * The longest name Windows gives a file, 255 Vietnamese letters (about 510 bytes): Tomcat's 512-byte part
     * header refused it, and the details typed beside it were lost with the request.
     */
    @Test
    void theLongestNameAFileSystemAllowsIsTaken() {
        long before = evidence.countByEntryId(entryId);
        String name = "Đ".repeat(251) + ".pdf";

        HttpResponse<String> upload = staff.postMultipart(uploadPath(), fields(), name, SampleFiles.pdf(33));

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before + 1);
        assertThat(staff.get("/entries/" + entryId).body()).contains(name);
    }

    /** The same file twice on one criterion: listed twice, it was opened twice by the reviewer. */
    @Test
    void theSameFileTwiceIsRefusedUnderTheFileFieldWithTheDetailsKept() {
        byte[] pdf = SampleFiles.pdf(34);
        assertThat(staff.postMultipart(uploadPath(), fields(), "bien-ban.pdf", pdf).statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entryId).body()).contains("Đã tải lên tệp minh chứng.");
        long before = evidence.countByEntryId(entryId);

        assertRefusedOnTheEntryPage(staff.postMultipart(uploadPath(), fields(), "ban-sao.pdf", pdf),
                "Tệp này đã có trong minh chứng của tiêu chí, với tên &quot;bien-ban.pdf&quot;; chưa có gì được lưu.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before);
    }

    /** The upload form's CSRF token is in a hidden field, not its URL, and is still required. */
    @Test
    void theUploadFormKeepsItsTokenOutOfTheUrlAndStillNeedsIt() {
        String page = staff.get("/entries/" + entryId).body();
        String form = page.substring(page.lastIndexOf("<form", page.indexOf("enctype=\"multipart/form-data\"")));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("action=\"/entries/" + entryId + "/evidence\"").doesNotContain("?_csrf")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");

        assertThat(staff.postMultipart(uploadPath(), METADATA, "khong-token.pdf", SampleFiles.pdf(1)).statusCode())
                .as("without the token").isEqualTo(403);
    }

    private void assertRefusedOnTheEntryPage(HttpResponse<String> upload, String message) {
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/entries/" + entryId));
        assertThat(staff.get("/entries/" + entryId).body()).contains(message);
    }

    private long last() {
        var files = evidence.findByEntryInOrder(entryId);
        return files.get(files.size() - 1).getId();
    }

    /** Where the entry page's form posts; the CSRF token goes in the form, as the page sends it. */
    private String uploadPath() {
        return "/entries/" + entryId + "/evidence";
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new java.util.HashMap<>(METADATA);
        fields.put("_csrf", token);
        return fields;
    }
}
