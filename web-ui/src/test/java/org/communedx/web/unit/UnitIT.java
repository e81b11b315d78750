package org.communedx.web.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.JobPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class UnitIT {

    static final String DEMO_PASSWORD = "Demo@2025!";

    private static final String JOBS = "/units/import/jobs/";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository userAccounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    TransactionTemplate transaction;

    private TestAccounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(userAccounts, passwordEncoder);
    }

    /**
     * A commune an import created by mistake is removed from its page, after a page that asks, and audited; a unit in
     * use says what keeps it and stays, however it is asked.
     */
    @Test
    void anAdministratorRemovesAUnitCreatedByMistakeButNotOneInUse() {
        long id = transaction.execute(status -> units.save(AdministrativeUnit.within(
                units.findByCodeValidOn("25", java.time.LocalDate.now()).orElseThrow(), UnitLevel.COMMUNE, "99001",
                "Xã Thử Xóa", UnitType.XA, null)).getId());
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        assertThat(admin.get("/units/99001").body()).contains("href=\"/units/99001/remove?unit=" + id + "\"");
        HttpResponse<String> asked = admin.get("/units/99001/remove?unit=" + id);
        assertThat(asked.body()).contains("Xóa đơn vị Xã Thử Xóa?", "Đơn vị này chưa được dùng ở đâu")
                .doesNotContain("id=\"remove-kept\"");
        HttpResponse<String> removed = admin.post("/units/99001/remove",
                "_csrf=" + WebClient.csrfToken(asked) + "&unit=" + id);
        assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/units"));
        assertThat(admin.get("/units").body()).contains("Đã xóa Xã Thử Xóa (99001).");
        assertThat(units.findById(id)).isEmpty();
        assertThat(admin.get("/audit?entityType=ADMINISTRATIVE_UNIT").body()).contains("Xã Thử Xóa");

        long yenPhu = units.findByCodeValidOn("05305", java.time.LocalDate.now()).orElseThrow().getId();
        HttpResponse<String> kept = admin.get("/units/05305/remove?unit=" + yenPhu);
        assertThat(kept.body()).contains("id=\"remove-kept\"", "lần sáp nhập hoặc chia tách")
                .doesNotContain("action=\"/units/05305/remove\"");
        admin.post("/units/05305/remove", "_csrf=" + WebClient.csrfToken(kept) + "&unit=" + yenPhu);
        assertThat(units.findById(yenPhu)).isPresent();
        assertThat(admin.get("/units/99001/remove?unit=" + yenPhu).statusCode()).as("a unit of another code")
                .isEqualTo(404);
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        WebClient viewer = new WebClient(port).login("xem.hoabinh", DEMO_PASSWORD);

        // Before the 2025 reform, which ended the district.
        for (String query : List.of("lac+son", "L%E1%BA%A0C+S%C6%A0N", "Lac+Son")) {
            String page = viewer.get("/units?asOf=2025-01-01&q=" + query).body();
            assertThat(page).as(query).contains("Huyện Lạc Sơn", "/units/157");
        }
        assertThat(viewer.get("/units?q=khong+co+dau").body()).contains("Không có đơn vị nào khớp");
    }

    @Test
    void treeOpensOneLevelAtATimeWithTheDemoUnits() {
        WebClient viewer = new WebClient(port).login("xem.hoabinh", DEMO_PASSWORD);

        String closed = viewer.get("/units?asOf=2025-01-01").body();
        assertThat(closed).contains("Tỉnh Hòa Bình").doesNotContain("/units/157?");
        String province = viewer.get("/units?asOf=2025-01-01&open=17").body();
        assertThat(province).contains("Huyện Lạc Sơn", "Thành phố Hòa Bình").doesNotContain("Xã Yên Phú");
        String district = viewer.get("/units?asOf=2025-01-01&open=17/157").body();
        assertThat(district).contains("Xã Yên Phú", "Thị trấn Vụ Bản", "Xã Ngọc Lâu");
        // Every unit of Lạc Sơn (codes 052xx and 053xx), and no commune of the other districts.
        assertThat(Pattern.compile("href=\"/units/05[23][0-9]{2}\\?").matcher(district).results().count()).isEqualTo(24);
        assertThat(district).doesNotContain("Xã Nam Thượng");
    }

    /** An account whose unit the reform ended opens the tree on that unit's last day, not on a today it has nothing of. */
    @Test
    void theTreeOfAnEndedUnitsAccountOpensOnItsLastDay() {
        assertThat(new WebClient(port).login("huyen.lacson", DEMO_PASSWORD).get("/units").body())
                .contains("value=\"2025-06-30\"", "Huyện Lạc Sơn");
    }

    @Test
    void administratorImportsAListThenItsMergeAndEveryoneSeesTheHistory() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));

        String summary = JobPages.done(admin, JobPages.jobOf(admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "danh-muc.csv", fixture("test-province.csv")), JOBS));
        assertThat(summary).contains("Đã nhập xong.", "Kết quả nhập theo cấp");

        String again = JobPages.done(admin, JobPages.jobOf(admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "danh-muc.csv", fixture("test-province.csv")), JOBS));
        assertThat(again.replaceAll("\\s+", " "))
                .contains("<td class=\"text-end\">0</td> <td class=\"text-end\">0</td> <td class=\"text-end\">3</td>");

        String merged = JobPages.done(admin, JobPages.jobOf(admin.postMultipart("/units/import/merges",
                Map.of("_csrf", token, "effectiveDate", "2025-07-01", "legalBasis", "Nghị quyết thử", "provinceCodes", "94"),
                "sap-xep.csv", fixture("test-province-merges.csv")), JOBS));
        assertThat(merged).contains("Đã nhập phương án sắp xếp.", "Đơn vị cũ hết hiệu lực: 6.");

        String newSuoiHoa = admin.get("/units/96101?asOf=2025-07-01").body();
        assertThat(newSuoiHoa).contains("Hình thành từ", "Thị trấn Đá Bạc", "Tỉnh Hợp Nhất", "Nghị quyết thử");
        String api = admin.get("/api/v1/units/96104?asOf=2025-06-30", "application/json").body();
        assertThat(api).contains("\"validTo\":\"2025-06-30\"", "\"successors\":[{\"unit\":{\"code\":\"96101\"",
                "\"kind\":\"FULL\"", "\"parent\":{\"code\":\"961\"");
    }

    /**
     * The page polls the progress as JSON; once done, the counts stay on the job's page, reload after reload,
     * since they are no secret.
     */
    @Test
    void theImportJobReportsItsProgressAsJsonAndKeepsItsSummaryForItsStarter() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        String job = JobPages.jobOf(admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "danh-muc.csv", fixture("test-province.csv")), JOBS);

        String done = JobPages.done(admin, job);
        HttpResponse<String> progress = admin.get(job + "/progress", "application/json");

        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(progress.body()).contains("\"state\":\"DONE\"", "\"done\":3", "\"total\":3", "\"percent\":100",
                "\"finished\":true");
        assertThat(done).contains("Kết quả nhập theo cấp", "Kết quả này được giữ đến").doesNotContain("data-job-progress");
        assertThat(admin.get(job).body()).contains("Kết quả nhập theo cấp");
        assertThat(admin.get(JOBS + new UUID(0, 0)).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherAdministratorDoesNotFindTheJob() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        // The list, not the merge mapping: the mapping before its list would make new units that the list's old
        // codes then run into, whichever test comes first.
        String job = JobPages.jobOf(admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "danh-muc.csv", fixture("test-province.csv")), JOBS);
        WebClient other = new WebClient(port).login(accounts.create("units", DEMO_PASSWORD), DEMO_PASSWORD);

        HttpResponse<String> page = other.get(job);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Kết quả nhập theo cấp");
        assertThat(other.get(job + "/progress", "application/json").statusCode()).isEqualTo(404);
        assertThat(JobPages.done(admin, job)).contains("Kết quả nhập theo cấp");
        assertThat(other.get(job).statusCode()).isEqualTo(404);
    }

    /** The demo's reform again, a month late: refused at once, naming the date it was recorded with. */
    @Test
    void theRecordedReformWithAnotherDateIsRefusedAtOnce() throws IOException {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        String demoReform;
        try (InputStream in = UnitIT.class.getResourceAsStream(
                "/org/communedx/service/unit/demo-merges-2025-07.csv")) {
            demoReform = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^#.*\\n", "");
        }

        HttpResponse<String> refused = admin.postMultipart("/units/import/merges",
                Map.of("_csrf", token, "effectiveDate", "2025-08-01", "legalBasis", "", "provinceCodes", ""),
                "sap-xep.csv", demoReform.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("chưa có gì được lưu",
                "Phương án này đã được ghi nhận với ngày hiệu lực 01/07/2025", "(tổng cộng 12 xã mới)")
                .doesNotContain("vẫn đang được");
        assertThat(admin.get("/units/05305?asOf=2025-08-15").body()).contains("01/07/2025");
    }

    @Test
    void aRefusedFileIsListedProblemByProblemAndNothingIsSaved() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        byte[] bad = ("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp\n"
                + "Tỉnh Sai Sót,93,Huyện Một,931,Xã Đúng,93101,Xã\n"
                + "Tỉnh Sai Sót,93,Huyện Một,931,Xã Thiếu Mã,,Xã\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "loi.csv", bad);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("có 1 lỗi; chưa có gì được lưu", "Dòng 3:", "cột &quot;Mã PX&quot;:", "Thiếu mã.");
        assertThat(admin.get("/units?q=sai+sot&asOf=2025-03-01").body()).contains("Không có đơn vị nào khớp");
    }

    @Test
    void apiSearchesAsThePageDoesAndUnknownCodesAreNotFound() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        assertThat(manager.get("/api/v1/units?q=L%E1%BA%A0C+S%C6%A0N&asOf=2025-01-01", "application/json").body())
                .contains("{\"code\":\"157\",\"name\":\"Huyện Lạc Sơn\",\"level\":\"DISTRICT\",\"type\":\"HUYEN\"");
        String yenPhu = manager.get("/api/v1/units/05305?asOf=2025-01-01", "application/json").body();
        assertThat(yenPhu).contains("\"name\":\"Xã Yên Phú\"", "\"parent\":{\"code\":\"157\",\"name\":\"Huyện Lạc Sơn\"}",
                "\"children\":[]");
        assertThat(manager.get("/api/v1/units/99999", "application/json").statusCode()).isEqualTo(404);
        assertThat(manager.get("/units/99999").statusCode()).isEqualTo(404);
    }

    @Test
    void communeStaffReachOnlyTheirCommuneAndOtherCodesLookUnknown() {
        WebClient staff = new WebClient(port).login("xa.yenphu", DEMO_PASSWORD);

        HttpResponse<String> own = staff.get("/units/05305");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).as("the province named, but not linked: its page is not theirs")
                .contains("<span>Tỉnh Phú Thọ</span>").doesNotContain("href=\"/units/25?");
        HttpResponse<String> anNghia = staff.get("/units/05347");
        assertThat(anNghia.statusCode()).isEqualTo(404);
        assertThat(anNghia.body()).doesNotContain("Ân Nghĩa");
        assertThat(staff.get("/api/v1/units/05347", "application/json").statusCode()).isEqualTo(404);
        assertThat(staff.get("/units/157").statusCode()).isEqualTo(404);
        assertThat(staff.get("/units?q=xa").body()).contains("Xã Yên Phú").doesNotContain("Xã Ân Nghĩa");
        assertThat(staff.get("/api/v1/units?q=lac+son", "application/json").body()).isEqualTo("[]");
        // Without a search: a refusal naming it, not an empty list that reads as an empty scope.
        for (String missing : new String[] { "/api/v1/units", "/api/v1/units?q=%20" }) {
            HttpResponse<String> refused = staff.get(missing, "application/json");
            assertThat(refused.statusCode()).as(missing).isEqualTo(400);
            assertThat(refused.body()).contains("Tham số q thiếu hoặc không hợp lệ.");
        }
        assertThat(staff.get("/v3/api-docs", "application/json").body()).as("declared required, as it is")
                .containsPattern("\"name\":\"q\",\"in\":\"query\"[^}]*\"required\":true");
    }

    @Test
    void onlyAdministratorsImport() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        assertThat(manager.get("/units/import").statusCode()).isEqualTo(403);
        assertThat(manager.get("/units").body()).doesNotContain("/units/import");
    }

    static byte[] fixture(String name) {
        try (InputStream in = UnitIT.class.getResourceAsStream("/units/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
