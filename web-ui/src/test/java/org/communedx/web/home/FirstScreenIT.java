package org.communedx.web.home;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.user.UserImport;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.encode;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/**
 * Each role's first screen over the demo: commune staff their scorecard with what they still have to do, reviewers,
 * provincial managers and viewers their unit's dashboard (with the queue for who reviews there), administrators what
 * needs them. The empty states that the shared demo cannot promise (no locked-out account, no draft, no deadline near)
 * are checked in the national schema, where nothing else happens: NationalScaleIT.
 */
@TrackerIntegrationTest
class FirstScreenIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scorecards scorecards;

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void forgetTheTestsLogin() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void communeStaffLandOnTheirScorecardOfTheCurrentPeriod() {
        HttpResponse<String> home = new WebClient(port).login("xa.yenphu", PASSWORD).get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        long current = scorecards.currentPeriod().orElseThrow();
        assertThat(location(home)).endsWith("/communes/05305/periods/" + current);
    }

    @Test
    void theScorecardTellsItsStaffWhatIsLeftToDo() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        String scorecard = "/communes/05305/periods/" + period;
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);

        String fresh = staff.get(scorecard).body();
        assertThat(fresh).contains("id=\"todo\"", "Việc cần làm", "id=\"todo-deadline\"", "Hạn nộp:")
                .contains("4 tiêu chí chưa bắt đầu").doesNotContain("id=\"todo-returned\"", "id=\"todo-done\"",
                        "id=\"todo-drafts\"");
        assertThat(fresh.indexOf("id=\"todo\"")).as("at the top, before the figures")
                .isLessThan(fresh.indexOf("id=\"completion-heading\""));

        long level = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");
        long percent = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 9, 10);
        EntryPages.submit(staff, percent);
        post(reviewer, percent, "return", "version=" + version(reviewer, percent) + "&reason="
                + encode("Thiếu biên bản <b>ký</b>"));

        String working = staff.get(scorecard).body();
        assertThat(working).contains("2 tiêu chí chưa bắt đầu", "1 tiêu chí đã lưu nháp nhưng chưa gửi duyệt",
                        "1 tiêu chí bị trả lại, cần sửa và gửi lại").doesNotContain("mới có minh chứng")
                .contains("href=\"" + EntryPages.criterion("05305", period, "G1.C1") + "\">G1.C1 Tiêu chí G1.C1</a>")
                .as("the reason, escaped").contains("Lý do: Thiếu biên bản &lt;b&gt;ký&lt;/b&gt;")
                .doesNotContain("<b>ký</b>", "id=\"todo-done\"");
        assertThat(reviewer.get(scorecard).body()).as("only the commune's staff have things to do there")
                .doesNotContain("id=\"todo\"").contains("Hạn nộp:");
        // The latest work first: named among the first, whatever other tests sent back in their periods.
        String sentBack = "href=\"" + scorecard + "\">" + periods.findById(period).orElseThrow().getName()
                + ": 1 tiêu chí</a>";
        String current = "/communes/05305/periods/" + scorecards.currentPeriod().orElseThrow();
        assertThat(sentBackElsewhere(staff.get(current).body())).as("where the staff land, the returned entry's period")
                .contains(sentBack);
        assertThat(sentBackElsewhere(staff.get(scorecard).body())).as("not on its own scorecard")
                .doesNotContain("href=\"" + scorecard + "\"");
        assertThat(reviewer.get(current).body()).doesNotContain("id=\"sent-back-elsewhere\"");

        // A file alone begins a draft that cannot go before its value: said so beside the count.
        String token = WebClient.csrfToken(staff.get("/account"));
        assertThat(staff.postMultipart(EntryPages.criterion("05305", period, "G2.C3") + "/evidence", Map.of("_csrf",
                token, "title", "Biên bản", "issuingBody", "UBND xã Yên Phú", "documentDate",
                LocalDate.now().minusDays(3).toString()), "bien-ban.pdf", SampleFiles.pdf(1)).statusCode())
                .isEqualTo(302);
        assertThat(staff.get(scorecard).body()).contains("2 tiêu chí đã lưu nháp nhưng chưa gửi duyệt "
                + "(1 tiêu chí trong số đó mới có minh chứng, chưa có giá trị: hãy nhập giá trị trước khi gửi)")
                .as("the button counts what it can send").contains("Gửi duyệt tất cả tiêu chí đã lưu (1)");

        EntryPages.submit(staff, level);
        EntryPages.savePercent(staff, percent, 10, 10);
        EntryPages.submit(staff, percent);
        long yesNo = EntryPages.entryId(staff, "05305", period, "G2.C3");
        assertThat(post(staff, yesNo, "value", "version=" + version(staff, yesNo) + "&yesNo=yes").statusCode())
                .isEqualTo(302);
        EntryPages.submit(staff, yesNo);
        EntryPages.submit(staff, EntryPages.saveFirst(staff, "05305", period, "G2.C4", "count=5"));

        String done = staff.get(scorecard).body();
        assertThat(done).contains("id=\"todo-done\"", "xã không còn việc gì cần làm trong kỳ này",
                "4 tiêu chí đang chờ cấp trên duyệt.").doesNotContain("id=\"todo-counts\"", "id=\"todo-returned\"");
        assertThat(sentBackElsewhere(staff.get(current).body())).as("submitted again").doesNotContain(sentBack);
    }

    /** The scorecard's list of other periods where a review sent entries back, or "" when it has none. */
    private static String sentBackElsewhere(String page) {
        int start = page.indexOf("id=\"sent-back-elsewhere\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</p>", start));
    }

    @Test
    void aDistrictOfficialLandsOnTheDistrictDashboardWithTheirQueue() {
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        HttpResponse<String> home = reviewer.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/units/157/dashboard");

        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        long before = waiting("157", "DISTRICT");
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        EntryPages.submit(staff, EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3"));
        assertThat(waiting("157", "DISTRICT")).isEqualTo(before + 1);

        String dashboard = reviewer.get("/units/157/dashboard").body();
        assertThat(dashboard).contains("id=\"review-callout\"", "Việc chờ bạn duyệt", "href=\"/reviews\"",
                "Mở hàng chờ duyệt").containsPattern((before + 1 == 1 ? "1 tiêu chí đang chờ duyệt"
                        : (before + 1) + " tiêu chí đang chờ duyệt")
                        + " ở các xã bạn phụ trách; tiêu chí chờ lâu nhất gửi ngày \\d\\d/\\d\\d/\\d{4}\\.");
        assertThat(dashboard.indexOf("id=\"review-callout\"")).as("at the top")
                .isLessThan(dashboard.indexOf("id=\"figures-heading\""));
        assertThat(reviewer.get("/units/17/dashboard").statusCode()).as("not their unit").isEqualTo(404);
    }

    @Test
    void aReviewerWithNothingWaitingIsToldSo() {
        assertThat(waiting("153", "DISTRICT")).as("Kim Bôi's communes submit nothing in the demo").isZero();
        WebClient reviewer = new WebClient(port).login("huyen.kimboi", PASSWORD);

        HttpResponse<String> home = reviewer.get("/");
        assertThat(location(home)).endsWith("/units/153/dashboard");
        assertThat(reviewer.get("/units/153/dashboard").body()).contains("id=\"review-callout\"", "id=\"review-none\"",
                "Không có tiêu chí nào chờ bạn duyệt.").doesNotContain("id=\"review-waiting\"")
                .as("why nothing more comes: the district ended with the reform, as the queue's page says")
                .contains("id=\"review-unit-ended\"", "Huyện Kim Bôi đã kết thúc ngày 30/06/2025",
                        "từ ngày 01/07/2025 là tỉnh");
        assertThat(new WebClient(port).login("tinh.phutho", PASSWORD).get("/units/25/dashboard").body())
                .as("a province goes on").doesNotContain("id=\"review-unit-ended\"");
    }

    @Test
    void aProvincialManagerLandsOnTheProvinceDashboardAndReviewsItsCommunes() {
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);

        HttpResponse<String> home = manager.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/units/25/dashboard");
        long waiting = waiting("25", "PROVINCE");
        String dashboard = manager.get("/units/25/dashboard").body();
        assertThat(dashboard).contains("Bảng điều khiển Tỉnh Phú Thọ", "id=\"review-callout\"");
        assertThat(dashboard).contains(waiting == 0 ? "id=\"review-none\""
                : (waiting == 1 ? "1 tiêu chí" : waiting + " tiêu chí") + " đang chờ duyệt");
    }

    @Test
    void aViewerLandsOnTheirDashboardWithoutAQueue() {
        WebClient viewer = new WebClient(port).login("xem.hoabinh", PASSWORD);

        HttpResponse<String> home = viewer.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/units/17/dashboard");
        assertThat(viewer.get("/units/17/dashboard").body()).contains("Bảng điều khiển Tỉnh Hòa Bình")
                .doesNotContain("id=\"review-callout\"");
    }

    @Test
    void anAdministratorSeesWhatNeedsThem() {
        TestAccounts testAccounts = new TestAccounts(accounts, passwordEncoder);
        String admin = testAccounts.create("home", PASSWORD);
        String locked = testAccounts.create("home.locked", PASSWORD);
        long lockedId = accounts.findByUsername(locked).orElseThrow().getId();
        // A stranger's guess may be long: longer than an audit event's id.
        String stranger = TestAccounts.uniqueUsername("home.nobody." + "x".repeat(70));
        // Wrong passwords from an address of the documentation range, so that no other test's address waits.
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            attempt(locked, now.minusSeconds(60 - i), "FAILURE");
        }
        attempt(locked, now.minusSeconds(30), "LOCKOUT");
        attempt(stranger, now.minusSeconds(20), "LOCKOUT");
        String framework = "IT-HOME-" + Long.toHexString(System.nanoTime() & 0xffffff);
        transaction.executeWithoutResult(status -> frameworks.save(
                Framework.draft(framework, "0.1", new LocalizedText("Nháp trang chủ", "Home draft"))));
        LocalDate today = LocalDate.now(VIETNAM);
        EntryPages entryPages = new EntryPages(frameworks, periods, transaction);
        long soon = entryPages.newPeriod(2017, today.plusDays(3));
        long long_ago = entryPages.newPeriod(2016, today.minusDays(40));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(admin, null, "ROLE_ADMIN"));
        UUID job = jobs.start(UserImport.JOB_KIND, progress -> "done");
        SecurityContextHolder.clearContext();

        WebClient administrator = new WebClient(port).login(admin, PASSWORD);
        HttpResponse<String> home = administrator.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        String page = home.body();
        assertThat(page).contains("<h1 class=\"h3 mb-1\">Cần xử lý</h1>", "Xin chào, Test " + admin)
                .contains("href=\"/users/" + lockedId + "\">Test " + locked + " (" + locked + ")</a>",
                        "5 lần nhập sai", stranger + " (không có tài khoản này)")
                .contains("href=\"/users/import/jobs/" + job + "\">Nhập danh sách người dùng</a>")
                .contains("href=\"/frameworks/" + framework + "/0.1\">" + framework + " 0.1: Nháp trang chủ</a>")
                .contains("href=\"/periods/" + soon + "/edit\">")
                .doesNotContain("href=\"/periods/" + long_ago + "/edit\"", "id=\"jobs-none\"", "id=\"drafts-none\"",
                        "id=\"deadlines-none\"", "id=\"throttled-none\"");
        assertThat(page.substring(page.indexOf("href=\"/periods/" + soon + "/edit\""))).contains("còn 3 ngày");
        assertThat(page).as("how many, and which are shown only when not all are")
                .containsPattern("id=\"throttled-count\">\\d+ tên đăng nhập bị tạm khóa\\.(</p>| Hiện \\d+ tên)");

        // The administrator lets the username in again from the list: it no longer needs them, and it is audited.
        assertThat(page).contains("aria-label=\"Cho đăng nhập lại ngay: " + locked + "\"");
        HttpResponse<String> released = administrator.post("/admin/login-holds/release", "_csrf="
                + WebClient.csrfToken(home) + "&username=" + locked);
        assertThat(location(released)).endsWith("/");
        assertThat(administrator.get("/").body()).doesNotContain("href=\"/users/" + lockedId + "\"")
                .contains(stranger, "Đã gỡ tạm khóa: các lần nhập sai của tên đăng nhập đó không còn khóa tên đó",
                        "Chúng vẫn được tính vào giới hạn của địa chỉ đã gửi chúng");
        assertThat(jdbc.sql("""
                select count(*) from audit_event
                where entity_type = 'LOGIN_ATTEMPTS' and action = 'RELEASE' and after_json ->> 'username' = ?
                    and actor = ?""").param(locked).param(admin).query(Long.class).single()).isOne();
        assertThat(administrator.get("/audit?entityType=LOGIN_ATTEMPTS&action=RELEASE").body())
                .as("named by the username, not by the login audit row's id").contains(">" + locked + "<");
        assertThat(location(administrator.post("/admin/login-holds/release", "_csrf=" + WebClient.csrfToken(home)
                + "&username=" + stranger))).endsWith("/");
        assertThat(administrator.get("/").body()).doesNotContain(stranger);
        assertThat(location(administrator.post("/admin/login-holds/release", "_csrf=" + WebClient.csrfToken(home)
                + "&username=%20"))).endsWith("/");
        assertThat(administrator.get("/").body()).as("nothing held: nothing released, and said so")
                .contains("không bị tạm khóa");
        assertThat(new WebClient(port).login("admin", PASSWORD).get("/").body()).as("another's job stays theirs")
                .doesNotContain(job.toString());
    }

    private void attempt(String username, Instant at, String outcome) {
        jdbc.sql("""
                insert into login_attempt (attempted_at, username, username_key, client_ip, outcome)
                values (:at, :username, lower(:username), '192.0.2.77', :outcome)""")
                .param("at", java.sql.Timestamp.from(at)).param("username", username).param("outcome", outcome)
                .update();
    }

    /** What waits for the reviewers of a unit's communes, counted apart from the page. */
    private long waiting(String unit, String level) {
        return jdbc.sql("""
                select count(*) from criterion_entry e join assessment a on a.id = e.assessment_id
                join administrative_unit u on u.id = a.unit_id join administrative_unit parent on parent.id = u.parent_id
                where e.status in ('SUBMITTED', 'NOT_APPLICABLE_REQUESTED') and parent.code = :unit
                    and parent.level = :level""").param("unit", unit).param("level", level).query(Long.class).single();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
