package org.communedx.web.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.audit.AuditSearch;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.JobPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class AuditIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

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

    /**
     * Every field the trail holds so far (the demo's history and whatever the suite's tests wrote before this one) has
     * a label in both languages: an unlabelled one showed as its code ("body", "reopenedForCommune"). The ids a row
     * names in words are never shown.
     */
    @Test
    void everyFieldInTheTrailHasALabelInBothLanguages() throws IOException {
        List<String> fields = jdbc.queryForList("""
                select jsonb_object_keys(after_json) from audit_event where jsonb_typeof(after_json) = 'object'
                union select jsonb_object_keys(before_json) from audit_event where jsonb_typeof(before_json) = 'object'
                """, String.class);

        assertThat(fields).as("the demo's history alone audits entries, evidence and periods").contains("status",
                "documentDate", "submissionDeadline");
        for (String language : List.of("vi", "en")) {
            Properties labels = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages_" + language + ".properties")) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(fields.stream().filter(field -> !labels.containsKey("audit.field." + field)
                    && !AuditSearch.NAMED_IN_WORDS.contains(field)))
                    .as(language + ": fields without a label").isEmpty();
        }
    }

    @Test
    void anAdministratorsUserImportShowsOnTheAuditPageByName() {
        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        String first = TestAccounts.uniqueUsername("nhap");
        String second = TestAccounts.uniqueUsername("nhap");
        byte[] file = ("username,display_name,role,unit_code,email\n" + first + ",Cán bộ Nhập Một,COMMUNE_STAFF,05305,\n"
                + second + ",Lãnh đạo Nhập Hai,PROVINCE_MANAGER,25,\n").getBytes(StandardCharsets.UTF_8);
        String token = WebClient.csrfToken(admin.get("/users/import"));
        String job = JobPages.jobOf(admin.postMultipart("/users/import", Map.of("_csrf", token), "nguoi-dung.csv",
                file), "/users/import/jobs/");
        JobPages.done(admin, job);

        String page = admin.get("/audit?actor=admin&entityType=USER&action=IMPORT_USER").body();
        assertThat(rowOf(page, first)).as("who imported whom, by name")
                .contains("Quản trị hệ thống", ">admin<", "Tài khoản: Nhập tài khoản", "Cán bộ Nhập Một (" + first + ")",
                        "Vai trò: Cán bộ xã", "Mã đơn vị: 05305");
        assertThat(rowOf(page, second)).contains("Quản trị hệ thống", "Lãnh đạo Nhập Hai (" + second + ")",
                "Vai trò: Lãnh đạo cấp tỉnh");
        assertThat(table(page)).doesNotContain("null", "&quot;", "{");

        assertThat(admin.get("/audit?unit=05305&entityType=USER").body()).as("found by the unit as well")
                .contains(first).doesNotContain(second);
    }

    /** The demo's plans were written by the tracker itself at its first start, with nobody signed in. */
    @Test
    void whatTheTrackerDidItselfIsSignedInTheReadersLanguage() {
        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        assertThat(table(admin.get("/audit?actor=system&entityType=PLAN").body())).contains(">Hệ thống<")
                .doesNotContain(">system<");
        assertThat(table(admin.get("/audit?lang=en&actor=system&entityType=PLAN").body())).contains(">System<")
                .doesNotContain(">system<");
        admin.get("/audit?lang=vi");
        assertThat(new String(admin.download("/audit.csv?actor=system&entityType=PLAN").body(), StandardCharsets.UTF_8))
                .as("the login column keeps what the trail holds, the name column says who").contains(",system,Hệ thống,");
    }

    @Test
    void entriesAreNamedByUnitPeriodAndCriterionWithEachFieldBeforeAndAfterEscaped() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        String periodName = transaction.execute(status -> periods.findById(period).orElseThrow().getName());
        WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
        long entry = EntryPages.saveFirst(staff, "05305", period, "G1.C1",
                "numerator=3&denominator=4&explanation=" + EntryPages.encode(SCRIPT));

        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        String found = admin.get("/audit?actor=XA.YENPHU&action=SAVE_VALUE&entityType=CRITERION_ENTRY").body();
        assertThat(found).contains("Nhật ký thay đổi", "Lưu giá trị").doesNotContain(SCRIPT);
        String row = rowOf(found, "href=\"/entries/" + entry + "\"");
        assertThat(row).as("the entry by name, not by number")
                .contains("Xã Yên Phú · " + periodName + " · G1.C1 ")
                .as("fields filled in an entry that was there, empty").contains("Tử số: (trống) → 3",
                        "Mẫu số: (trống) → 4", "Giải trình: (trống) → " + ESCAPED, "Trạng thái: ")
                .doesNotContain("#" + entry, "null");
        assertThat(row).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}<");

        assertThat(admin.get("/audit?unit=05305&actor=xa.yenphu&action=SAVE_VALUE").body())
                .contains("href=\"/entries/" + entry + "\"");
        assertThat(admin.get("/audit?unit=05425&actor=xa.yenphu").body()).contains("Không có thay đổi nào khớp bộ lọc.");
        assertThat(admin.get("/audit?unit=abc'--&actor=xa.yenphu").body()).contains("Không có thay đổi nào khớp bộ lọc.");
        assertThat(admin.get("/audit?actor=nobody.here").body()).contains("Không có thay đổi nào khớp bộ lọc.");
        assertThat(admin.get("/audit?actor=xa.yenphu&page=999999").body()).as("past the last page, not 'no match'")
                .contains("Trang 10.000 nằm sau trang cuối của bộ lọc này.",
                        "href=\"/audit?actor=xa.yenphu&amp;unit=&amp;entityType=&amp;action=&amp;from=&amp;to=\">Về trang đầu</a>")
                .doesNotContain("Không có thay đổi nào khớp bộ lọc.", "id=\"audit-previous\"");
        assertThat(admin.get("/audit?action=SAVE_VALUE&from=2000-01-01&to=2000-01-02").body())
                .contains("Không có thay đổi nào khớp bộ lọc.").doesNotContain("id=\"audit-dates-reversed\"");
        assertThat(admin.get("/audit?from=2026-02-01&to=2026-01-01").body()).as("the dates the wrong way round")
                .contains("id=\"audit-dates-reversed\"", "Ngày bắt đầu của bộ lọc sau ngày kết thúc")
                .as("both fields marked, and linked to why, so that the first takes the focus and reads it out")
                .containsPattern("id=\"from\"[^>]*is-invalid[^>]*aria-invalid=\"true\" aria-describedby=\"audit-dates-reversed\"")
                .containsPattern("id=\"to\"[^>]*is-invalid");
        assertThat(admin.get("/audit?lang=en&actor=xa.yenphu&action=SAVE_VALUE").body())
                .contains("Audit trail", "Criterion entry: Value saved", "Numerator: (empty) → 3",
                        "Explanation: (empty) → " + ESCAPED);
        admin.get("/audit?lang=vi");
    }

    @Test
    void aMaliciousNameIsTextOnThePageAndNeutralisedInTheCsv() {
        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        String username = TestAccounts.uniqueUsername("doc");
        String name = "=HYPERLINK(\"x\") " + SCRIPT;
        String token = WebClient.csrfToken(admin.get("/users/new"));
        HttpResponse<String> created = admin.post("/users/new", "_csrf=" + token + "&username=" + username
                + "&displayName=" + EntryPages.encode(name) + "&role=VIEWER&unitCode=25&email=");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        String page = admin.get("/audit?entityType=USER&action=CREATE&actor=admin").body();
        assertThat(page).doesNotContain(SCRIPT).contains("=HYPERLINK(&quot;x&quot;) " + ESCAPED + " (" + username + ")");

        HttpResponse<byte[]> csv = admin.download("/audit.csv?entityType=USER&action=CREATE&actor=admin");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment;").contains("Nhat-ky-thay-doi.csv"));
        List<CSVRecord> records = csv(csv.body());
        assertThat(records.get(0).values()).containsExactly("Thời điểm", "Tên đăng nhập người thực hiện",
                "Người thực hiện", "Địa chỉ IP", "Đối tượng", "Thao tác", "Nội dung", "Thay đổi");
        CSVRecord mine = records.stream().filter(r -> r.get(6).contains(username)).findFirst().orElseThrow();
        assertThat(mine.get(0)).as("as every CSV writes a moment").matches("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(mine.get(1)).isEqualTo("admin");
        assertThat(mine.get(2)).isEqualTo("Quản trị hệ thống");
        assertThat(mine.get(5)).isEqualTo("Tạo mới");
        assertThat(mine.get(6)).as("a formula is text, never run").isEqualTo("'" + name + " (" + username + ")");
        assertThat(mine.get(7)).contains("Tên đăng nhập: " + username, "Vai trò: Người xem");
    }

    @Test
    void pagesFollowEachOtherWithTheFiltersKept() {
        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        String first = admin.get("/audit?entityType=CRITERION_ENTRY").body();
        assertThat(first).contains("Trang 1").doesNotContain("id=\"audit-previous\"");
        Matcher next = Pattern.compile("id=\"audit-next\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).as("the demo's history fills more than a page").isTrue();
        String link = next.group(1).replace("&amp;", "&");
        assertThat(link).contains("entityType=CRITERION_ENTRY", "page=2");
        String second = admin.get(link).body();
        assertThat(second).contains("Trang 2", "id=\"audit-previous\"");
        assertThat(rows(second)).hasSize(50).doesNotContainAnyElementsOf(rows(first));
        assertThat(admin.get("/audit?page=x").statusCode()).isEqualTo(400);
        assertThat(admin.get("/audit?page=99999999").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyButAnAdministratorReadsTheWholeTrail() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", EntryPages.PASSWORD);

        assertThat(manager.get("/audit").statusCode()).isEqualTo(403);
        assertThat(manager.download("/audit.csv").statusCode()).isEqualTo(403);
    }

    static List<CSVRecord> csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).as("a byte order mark for Excel").startsWith("\uFEFF");
        try {
            return CSVFormat.RFC4180.parse(new java.io.StringReader(text.substring(1))).getRecords();
        }
        catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /** The table row that holds {@code text}. */
    private static String rowOf(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as(text + " on the page").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private static String table(String page) {
        return page.substring(page.indexOf("id=\"audit-events\""), page.indexOf("</table>"));
    }

    private static List<String> rows(String page) {
        Matcher row = Pattern.compile("<tr id=\"(audit-\\d+)\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }
}
