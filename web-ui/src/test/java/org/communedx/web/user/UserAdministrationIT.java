package org.communedx.web.user;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class UserAdministrationIT {

    static final String DEMO_PASSWORD = "Demo@2025!";

    static final Pattern ISSUED = Pattern.compile("id=\"issued-password\">([a-z2-9-]{14})<");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository userAccounts;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    org.communedx.model.framework.FrameworkRepository frameworks;

    @Autowired
    org.communedx.model.period.PeriodRepository periods;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    /** A province outside Hòa Bình, with one commune, for users the provincial manager must not see. */
    @BeforeEach
    void anotherProvince() {
        if (units.findAllByCode("92").isEmpty()) {
            AdministrativeUnit province = units.save(AdministrativeUnit.province("92", "Tỉnh Khác", UnitType.TINH, null));
            units.save(AdministrativeUnit.within(province, UnitLevel.COMMUNE, "92101", "Xã Bên Ngoài", UnitType.XA, null));
        }
    }

    /**
     * Disabling a reviewer with work waiting says so, and whether anyone else may decide it: a province's only
     * reviewer was disabled with a submission waiting, which then had nobody to decide it, and nothing said so.
     */
    @Test
    void disablingAReviewerWithWorkWaitingSaysWhetherAnyoneElseMayDecideIt() {
        AdministrativeUnit district = units.findAllByCode("929").stream().findFirst().orElseGet(() -> units.save(
                AdministrativeUnit.within(units.findAllByCode("92").get(0), UnitLevel.DISTRICT, "929",
                        "Huyện Một Người Duyệt", UnitType.HUYEN, null)));
        if (units.findAllByCode("92901").isEmpty()) {
            units.save(AdministrativeUnit.within(district, UnitLevel.COMMUNE, "92901", "Xã Chờ Duyệt", UnitType.XA,
                    null));
        }
        UserAccount staff = userAccounts.save(new UserAccount(TestAccounts.uniqueUsername("cho.duyet"), "Xã Chờ Duyệt",
                passwordEncoder.encode(DEMO_PASSWORD), Role.COMMUNE_STAFF, "92901", Instant.now()));
        long period = new org.communedx.web.support.EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient commune = new WebClient(port).login(staff.getUsername(), DEMO_PASSWORD);
        org.communedx.web.support.EntryPages.submit(commune,
                org.communedx.web.support.EntryPages.saveFirst(commune, "92901", period, "G1.C2", "level=3"));
        UserAccount only = userAccounts.save(new UserAccount(TestAccounts.uniqueUsername("duyet.mot"), "Người duyệt",
                passwordEncoder.encode(DEMO_PASSWORD), Role.DISTRICT_OFFICIAL, "929", Instant.now()));
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        assertThat(admin.get("/users/" + only.getId() + "/disable").body()).contains("id=\"pending-reviews\"",
                "tiêu chí đang chờ người này duyệt.", "Không còn tài khoản nào khác đang hoạt động duyệt được");

        UserAccount second = userAccounts.save(new UserAccount(TestAccounts.uniqueUsername("duyet.hai"), "Người duyệt",
                passwordEncoder.encode(DEMO_PASSWORD), Role.DISTRICT_OFFICIAL, "929", Instant.now()));
        assertThat(admin.get("/users/" + only.getId() + "/disable?lang=en").body())
                .contains("1 criterion waits for this person", "1 other active account can review them.");
        assertThat(admin.post("/users/" + second.getId() + "/disable", form(admin)).statusCode()).isEqualTo(302);
        assertThat(admin.get("/users/" + only.getId() + "/disable?lang=vi").body())
                .as("a disabled account decides nothing").contains("Không còn tài khoản nào khác");
        assertThat(admin.get("/users/" + staff.getId() + "/disable").body()).as("commune staff review nothing")
                .doesNotContain("id=\"pending-reviews\"");
        assertThat(admin.post("/users/" + only.getId() + "/disable", form(admin)).statusCode()).isEqualTo(302);
    }

    @Test
    void administratorCreatesEditsDisablesAndEnablesAUser() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String username = TestAccounts.uniqueUsername("crud");

        HttpResponse<String> created = admin.post("/users/new", form(admin, "username", username,
                "displayName", "Cán bộ Yên Phú", "role", "COMMUNE_STAFF", "unitCode", "05305",
                "email", "canbo@yenphu.gov.vn"));

        assertThat(created.statusCode()).as("the password on the answer itself, never in the session").isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String userPath = "/users/" + userAccounts.findByUsername(username).orElseThrow().getId();
        String shown = created.body();
        assertThat(shown).contains("Đã tạo người dùng.", "Cán bộ Yên Phú", "Xã Yên Phú", "canbo@yenphu.gov.vn",
                "Phải đổi mật khẩu", "href=\"" + userPath + "/edit\"");
        String password = issuedPassword(shown);
        assertThat(admin.get(userPath).body()).as("shown once").doesNotContain(password, "issued-password");
        assertThat(admin.get("/users?q=" + username).body()).contains(username, "Cán bộ Yên Phú", "05305",
                "Đang hoạt động", "Chưa đăng nhập").doesNotContain("id=\"clear-filter\"");
        assertThat(admin.get("/users?q=nobody.by.this.name").body()).as("nothing found, and the way back to all")
                .contains("Không có người dùng nào khớp", "id=\"clear-filter\" href=\"/users\">Bỏ bộ lọc, xem tất cả</a>");

        assertThat(admin.get(userPath + "/edit").body()).as("the status changes by the user page's own actions")
                .doesNotContain("name=\"enabled\"");
        HttpResponse<String> edited = admin.post(userPath + "/edit", form(admin, "displayName", "Người xem Phú Thọ",
                "role", "VIEWER", "unitCode", "25", "email", "", "enabled", "false", "version", version(admin, userPath)));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(admin.get(userPath).body()).contains("Đã lưu người dùng.", "Người xem Phú Thọ", "Tỉnh Phú Thọ",
                "Đang hoạt động");
        assertThat(admin.post(userPath + "/disable", form(admin)).statusCode()).isEqualTo(302);
        UserAccount saved = userAccounts.findByUsername(username).orElseThrow();
        assertThat(saved.getRole()).isEqualTo(Role.VIEWER);
        assertThat(saved.getEmail()).isNull();
        // Its right password tells its owner that the account is disabled, as often as they try (no guess to count
        // toward the lock); a wrong one reads as any wrong password, so no stranger learns the account's state.
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(loginLocation(username, password)).as("disabled").endsWith("/login?disabled");
        }
        assertThat(loginLocation(username, password + "x")).as("a wrong password").endsWith("/login?error");
        assertThat(new WebClient(port).get("/login?disabled").body()).contains("id=\"login-disabled\"",
                "Tài khoản này đã bị khóa nên không đăng nhập được", "aria-describedby=\"login-disabled\"");

        assertThat(admin.post(userPath + "/enable", form(admin)).statusCode()).isEqualTo(302);
        assertThat(userAccounts.findByUsername(username).orElseThrow().isEnabled()).isTrue();
        assertThat(loginLocation(username, password)).endsWith("/account/password");

        assertThat(admin.post(userPath + "/disable", form(admin)).statusCode()).isEqualTo(302);
        assertThat(userAccounts.findByUsername(username).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void formListsEveryProblemUnderItsFieldAndSavesNothing() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> refused = admin.post("/users/new", form(admin, "username", "Xã Sai",
                "displayName", "", "role", "COMMUNE_STAFF", "unitCode", "25", "email", "khong-phai-thu"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tên đăng nhập phải có từ 3 đến 64 ký tự", "Hãy nhập họ tên.",
                "Đây không phải là địa chỉ thư điện tử.", "aria-describedby=\"username-error username-help\"")
                .as("the unit's rule in the same round, not after the others are mended")
                .contains("Đơn vị 25 không phải là cấp xã");
        String tooLong = admin.post("/users/new", form(admin, "username", "xa.qua.dai", "displayName", "Quá dài",
                "role", "VIEWER", "unitCode", "25", "email", "a".repeat(250) + "@x.vn")).body();
        assertThat(tooLong.split("Đây không phải là địa chỉ thư điện tử.", -1))
                .as("said once for an address both malformed and too long").hasSize(2);
        String blank = admin.post("/users/new", form(admin, "username", "", "displayName", "Không tên",
                "role", "VIEWER", "unitCode", "", "email", "")).body();
        assertThat(blank.split("Tên đăng nhập phải có từ 3 đến 64 ký tự", -1)).as("said once for a blank name")
                .hasSize(2);
        HttpResponse<String> wrongLevel = admin.post("/users/new", form(admin, "username",
                TestAccounts.uniqueUsername("level"), "displayName", "Sai cấp", "role", "COMMUNE_STAFF",
                "unitCode", "25", "email", ""));
        assertThat(wrongLevel.body()).contains("Đơn vị 25 không phải là cấp xã", "id=\"unitCode-error\"");
        HttpResponse<String> adminWithUnit = admin.post("/users/new", form(admin, "username", "admin.co.don.vi",
                "displayName", "Quản trị", "role", "ADMIN", "unitCode", "25", "email", ""));
        assertThat(adminWithUnit.body()).contains("Quản trị viên không thuộc đơn vị nào");
        assertThat(userAccounts.existsByUsername("admin.co.don.vi")).isFalse();
        assertThat(admin.post("/users/new", form(admin, "username", "XA.YENPHU", "displayName", "Trùng",
                "role", "COMMUNE_STAFF", "unitCode", "05305", "email", "")).body())
                .contains("Tên đăng nhập xa.yenphu đã có người dùng.");
        assertThat(admin.post("/users/new", form(admin, "username", "xa.yenphu", "displayName", "",
                "role", "COMMUNE_STAFF", "unitCode", "05305", "email", "sai")).body())
                .as("a taken username beside an empty name").contains("Tên đăng nhập xa.yenphu đã có người dùng.",
                        "Hãy nhập họ tên.", "Đây không phải là địa chỉ thư điện tử.");
    }

    @Test
    void unitPickerSearchesAndPicksWithoutJavaScript() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> search = admin.post("/users/new", form(admin, "username", "xa.chua.luu",
                "displayName", "Chưa lưu", "role", "COMMUNE_STAFF", "unitCode", "yen phu", "email", "", "unitSearch", "1"));

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("name=\"pickUnit\" value=\"05305\"", "Xã Yên Phú", "value=\"Chưa lưu\"")
                .doesNotContain("Hãy nhập họ tên.");
        HttpResponse<String> picked = admin.post("/users/new", form(admin, "username", "xa.chua.luu",
                "displayName", "Chưa lưu", "role", "COMMUNE_STAFF", "unitCode", "yen phu", "email", "",
                "pickUnit", "05305"));
        assertThat(picked.body()).contains("name=\"unitCode\" value=\"05305\"", "value=\"xa.chua.luu\"");
        assertThat(userAccounts.existsByUsername("xa.chua.luu")).isFalse();
    }

    @Test
    void provincialManagerSeesOnlyTheirProvinceAndGivesNoHigherRole() {
        UserAccount outsider = userAccounts.save(new UserAccount(TestAccounts.uniqueUsername("outside"), "Ngoài tỉnh",
                passwordEncoder.encode(DEMO_PASSWORD), Role.COMMUNE_STAFF, "92101", Instant.now()));
        long adminId = userAccounts.findByUsername("admin").orElseThrow().getId();
        long managerId = userAccounts.findByUsername("tinh.phutho").orElseThrow().getId();
        WebClient manager = new WebClient(port).login("tinh.phutho", DEMO_PASSWORD);

        String list = manager.get("/users").body();
        assertThat(list).contains("xa.yenphu", "huyen.lacson", "xem.hoabinh", "href=\"/users\"")
                .doesNotContain(outsider.getUsername(), "href=\"/users/" + adminId + "\"",
                        "href=\"/users/" + managerId + "\"");
        for (String path : new String[] { "/users/" + outsider.getId(), "/users/" + outsider.getId() + "/edit",
                "/users/" + adminId, "/users/" + managerId }) {
            assertThat(manager.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(manager.post("/users/" + outsider.getId() + "/disable", form(manager)).statusCode()).isEqualTo(404);
        assertThat(manager.post("/users/" + outsider.getId() + "/password", form(manager)).statusCode()).isEqualTo(404);
        assertThat(manager.post("/users/" + adminId + "/disable", form(manager)).statusCode()).isEqualTo(404);
        assertThat(userAccounts.findById(outsider.getId()).orElseThrow().isEnabled()).isTrue();
        assertThat(userAccounts.findById(adminId).orElseThrow().isEnabled()).isTrue();

        assertThat(manager.get("/users/new").body()).contains("value=\"COMMUNE_STAFF\"")
                .doesNotContain("value=\"ADMIN\"", "value=\"PROVINCE_MANAGER\"");
        HttpResponse<String> promoted = manager.post("/users/new", form(manager, "username", "tinh.quan.tri",
                "displayName", "Quản trị", "role", "ADMIN", "unitCode", "", "email", ""));
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(promoted.body()).contains("Bạn không được cấp vai trò này.");
        HttpResponse<String> elsewhere = manager.post("/users/new", form(manager, "username", "xa.ben.ngoai",
                "displayName", "Bên ngoài", "role", "COMMUNE_STAFF", "unitCode", "92101", "email", ""));
        assertThat(elsewhere.body()).contains("Hiện không có đơn vị nào mã 92101 trong phạm vi của bạn.");
        assertThat(userAccounts.existsByUsername("tinh.quan.tri")).isFalse();
        assertThat(userAccounts.existsByUsername("xa.ben.ngoai")).isFalse();

        String username = TestAccounts.uniqueUsername("pm");
        HttpResponse<String> created = manager.post("/users/new", form(manager, "username", username,
                "displayName", "Cán bộ Ân Nghĩa", "role", "COMMUNE_STAFF", "unitCode", "05347", "email", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(userAccounts.findByUsername(username).orElseThrow().getUnitCode()).isEqualTo("05347");

        // The old Tỉnh Hòa Bình held 05347 until the 2025 reform gave it to the new Xã Đại Đồng, of Tỉnh Phú Thọ.
        WebClient oldProvince = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);
        HttpResponse<String> reused = oldProvince.post("/users/new", form(oldProvince, "username",
                TestAccounts.uniqueUsername("pm"), "displayName", "Cán bộ Đại Đồng", "role", "COMMUNE_STAFF",
                "unitCode", "05347", "email", ""));
        assertThat(reused.body()).contains("Hiện không có đơn vị nào mã 05347 trong phạm vi của bạn.");
        HttpResponse<String> ended = oldProvince.post("/users/new", form(oldProvince, "username",
                TestAccounts.uniqueUsername("pm"), "displayName", "Cán bộ huyện", "role", "DISTRICT_OFFICIAL",
                "unitCode", "157", "email", ""));
        assertThat(ended.body()).as("a unit the reform ended, said as such")
                .contains("Huyện Lạc Sơn (mã 157) đã kết thúc ngày 30/06/2025; tài khoản chỉ gắn với đơn vị");

        // Nor does it manage that code's accounts, which are the new communes' now; an ended district's stay its.
        long yenPhu = userAccounts.findByUsername("xa.yenphu").orElseThrow().getId();
        long annghia = userAccounts.findByUsername("xa.annghia").orElseThrow().getId();
        long lacSon = userAccounts.findByUsername("huyen.lacson").orElseThrow().getId();
        assertThat(oldProvince.get("/users").body()).contains("href=\"/users/" + lacSon + "\"")
                .doesNotContain("href=\"/users/" + yenPhu + "\"", "href=\"/users/" + annghia + "\"");
        for (String path : new String[] { "/users/" + yenPhu, "/users/" + yenPhu + "/edit", "/users/" + annghia }) {
            assertThat(oldProvince.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(oldProvince.post("/users/" + yenPhu + "/disable", form(oldProvince)).statusCode()).isEqualTo(404);
        assertThat(list).as("the province the reform formed manages them")
                .contains("href=\"/users/" + yenPhu + "\"", "href=\"/users/" + annghia + "\"");
    }

    /**
     * A page past the list's end answers its last page, as a ranking's does, not an empty table; page × 50 past the
     * int range used to be a 500.
     */
    @Test
    void aPageFarPastTheEndIsTheLastNotAnError() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        for (int page : new int[] { 1, 42_949_673, Integer.MAX_VALUE }) {
            HttpResponse<String> beyond = admin.get("/users?q=xa.yenphu&page=" + page);
            assertThat(beyond.statusCode()).as("page " + page).isEqualTo(200);
            assertThat(beyond.body()).contains("<td><a href=\"/users/", "</html>");
        }
    }

    @Test
    void districtOfficialsCommuneStaffAndViewersAreForbidden() {
        for (String username : new String[] { "huyen.lacson", "xa.yenphu", "xem.hoabinh" }) {
            WebClient user = new WebClient(port).login(username, DEMO_PASSWORD);
            for (String path : new String[] { "/users", "/users/new", "/users/import", "/users/1" }) {
                assertThat(user.get(path).statusCode()).as(username + " " + path).isEqualTo(403);
            }
            assertThat(user.post("/users/new", form(user, "username", "khong.duoc", "displayName", "Không",
                    "role", "VIEWER", "unitCode", "17", "email", "")).statusCode()).isEqualTo(403);
            assertThat(user.get("/account").body()).doesNotContain("href=\"/users\"");
        }
        assertThat(userAccounts.existsByUsername("khong.duoc")).isFalse();
    }

    /** An account of a district the 2025 reform ended keeps its unit's name, with the day it ended. */
    @Test
    void anAccountOfAnEndedUnitShowsItsNameAndTheDayItEnded() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        long lacSon = userAccounts.findByUsername("huyen.lacson").orElseThrow().getId();

        assertThat(admin.get("/users?q=huyen.lacson").body()).contains("<code>157</code>", "Huyện Lạc Sơn",
                "(đã kết thúc ngày 30/06/2025)");
        assertThat(admin.get("/users/" + lacSon).body()).contains("Huyện Lạc Sơn", "(đã kết thúc ngày 30/06/2025)")
                .doesNotContain("không có đơn vị nào mang mã này");
        assertThat(admin.get("/users?q=tinh.phutho").body()).contains("<code>25</code>", "Tỉnh Phú Thọ")
                .doesNotContain("đã kết thúc");
    }

    /** The page's own example row, a commune of today, is taken as it stands (its username made unique). */
    @Test
    void theImportPagesExampleRowIsAccepted() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        Matcher example = Pattern.compile("<code>([a-z.]+)(,[^<]+)</code></pre>").matcher(admin.get("/users/import")
                .body());
        assertThat(example.find()).isTrue();

        String row = TestAccounts.uniqueUsername("vd") + HtmlEscape.unescapeHtml(example.group(2));
        HttpResponse<String> started = upload(admin, ("username,display_name,role,unit_code,email\n" + row + "\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(started.statusCode()).as(row).isEqualTo(302);
    }

    @Test
    void csvImportCreatesEveryUserOrNone() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String good = TestAccounts.uniqueUsername("csv");
        String other = TestAccounts.uniqueUsername("csv");
        String header = "username,display_name,role,unit_code,email\n";

        HttpResponse<String> refused = upload(admin, (header + good + ",Xã Yên Phú,COMMUNE_STAFF,05305,\n"
                + other + ",Sai vai trò,CHU_TICH,05305,\n" + good + ",Trùng,VIEWER,25,\n"
                + "khong.co.don.vi,Không có,VIEWER,99999,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tệp có 3 lỗi; chưa người dùng nào được tạo.", "Dòng 3:",
                "cột &quot;role&quot;:", "Vai trò &quot;CHU_TICH&quot; không tồn tại", "Dòng 4:",
                "đã có ở dòng 2", "Dòng 5:", "Hiện không có đơn vị nào mã 99999")
                .as("the list of problems takes the focus (app.js)").contains("tabindex=\"-1\" id=\"import-problems\"");
        assertThat(userAccounts.existsByUsername(good)).isFalse();
        assertThat(upload(admin, "tên,vai trò\n".getBytes(StandardCharsets.UTF_8)).body())
                .contains("Dòng tiêu đề &quot;tên,vai trò&quot; không đúng.");
        assertThat(upload(admin, new byte[0]).body()).contains("Tệp trống.");
        assertThat(upload(admin, (header + "xa.latin,Xã Tân,VIEWER,25,\n").getBytes(StandardCharsets.ISO_8859_1))
                .body()).contains("Tệp không ở mã UTF-8.");

        HttpResponse<String> started = upload(admin, ("\uFEFF" + header + good + ",Xã Yên Phú,COMMUNE_STAFF,05305,\n"
                + other + ",Sở Phú Thọ,DISTRICT_OFFICIAL,25,vhtt@phutho.gov.vn\n").getBytes(StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(302);
        String job = location(started);
        assertThat(job).matches("/users/import/jobs/[0-9a-f-]{36}");

        HttpResponse<String> done = Awaitility.await().atMost(TestWait.part(10))
                .until(() -> admin.get(job), page -> page.body().contains("id=\"job-done\""));
        assertThat(done.body()).contains("Đã tạo 2 người dùng.", "id=\"show-passwords\"").doesNotContain("user-select-all")
                .as("the heading says it is over").contains(">Kết quả nhập người dùng</h1>")
                .doesNotContain("Đang nhập người dùng");
        assertThat(admin.get(job + "/progress", "application/json").body())
                .contains("\"state\":\"DONE\"", "\"done\":2", "\"total\":2", "\"finished\":true");
        // A province manager, who may import users too, learns nothing of it.
        assertThat(new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD).get(job).statusCode()).isEqualTo(404);

        HttpResponse<String> imported = admin.post(job + "/passwords", form(admin));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("Đã tạo 2 người dùng.", good, other);
        Matcher passwords = Pattern.compile("user-select-all\">([a-z2-9-]{14})<").matcher(imported.body());
        assertThat(passwords.find()).isTrue();
        assertThat(loginLocation(good, passwords.group(1))).endsWith("/account/password");
        assertThat(userAccounts.findByUsername(other).orElseThrow().getEmail()).isEqualTo("vhtt@phutho.gov.vn");

        // Once: a second fetch, a replay say, shows no password.
        HttpResponse<String> again = admin.post(job + "/passwords", form(admin));
        assertThat(location(again)).isEqualTo(job);
        assertThat(admin.get(job).body()).contains("id=\"job-taken\"").doesNotContain("user-select-all");
    }

    /**
     * The page that shows a one-time password, reloaded, sends its form again: the user's page then says the password
     * was shown once, instead of a second reset (which would void the one noted) or a refusal that the name is taken.
     */
    @Test
    void reloadingTheIssuedPasswordLeadsToTheUserInsteadOfIssuingAgain() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String username = TestAccounts.uniqueUsername("reload");
        String issueKey = UUID.randomUUID().toString();
        String sent = form(admin, "username", username, "displayName", "Tải lại", "role", "VIEWER", "unitCode", "25",
                "email", "", "issueKey", issueKey);
        String password = issuedPassword(admin.post("/users/new", sent).body());
        String userPath = "/users/" + userAccounts.findByUsername(username).orElseThrow().getId();

        HttpResponse<String> again = admin.post("/users/new", sent);
        assertThat(location(again)).isEqualTo(userPath);
        assertThat(admin.get(userPath).body()).contains("chỉ hiện một lần. Nếu chưa ghi lại, hãy đặt lại mật khẩu.")
                .doesNotContain("issued-password");

        String confirmation = admin.get(userPath + "/password").body();
        Matcher key = Pattern.compile("name=\"issueKey\" value=\"([0-9a-f-]{36})\"").matcher(confirmation);
        assertThat(key.find()).as("the confirmation's key").isTrue();
        String reset = form(admin, "issueKey", key.group(1));
        String newPassword = issuedPassword(admin.post(userPath + "/password", reset).body());
        assertThat(location(admin.post(userPath + "/password", reset))).isEqualTo(userPath);
        assertThat(loginLocation(username, newPassword)).as("the password shown still holds")
                .endsWith("/account/password");
        assertThat(newPassword).isNotEqualTo(password);
    }

    @Test
    void resetPasswordIssuesOneThatMustBeChangedAtLogin() {
        String username = TestAccounts.uniqueUsername("reset");
        UserAccount account = userAccounts.save(new UserAccount(username, "Quên mật khẩu",
                passwordEncoder.encode(DEMO_PASSWORD), Role.COMMUNE_STAFF, "05347", Instant.now()));
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> reset = admin.post("/users/" + account.getId() + "/password", form(admin));

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.headers().firstValue("Cache-Control")).hasValue("no-store");
        String password = issuedPassword(reset.body());
        assertThat(loginLocation(username, DEMO_PASSWORD)).contains("error");
        WebClient user = new WebClient(port);
        String token = WebClient.csrfToken(user.get("/login"));
        assertThat(location(user.post("/login", "username=" + username + "&password=" + password + "&_csrf=" + token)))
                .endsWith("/account/password");
        assertThat(location(user.get("/"))).endsWith("/account/password");
    }

    /**
     * A viewer whom the administrator moves from Yên Phú to Đại Đồng (the districts ended with the 2025 reform) reaches
     * Đại Đồng, and no longer Yên Phú, on the very next request of the session they already had, without logging in
     * again.
     */
    @Test
    void aUserMovedToAnotherUnitReachesItOnTheirNextRequest() {
        String username = TestAccounts.uniqueUsername("moved");
        UserAccount account = viewer(username, "05305");
        WebClient viewer = new WebClient(port).login(username, DEMO_PASSWORD);
        assertThat(viewer.get("/units/05305").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/units/05347").statusCode()).isEqualTo(404);

        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        // Without the version the page was opened with, the save is refused as a stale one, and says so.
        assertThat(admin.post("/users/" + account.getId() + "/edit", form(admin, "displayName", "Người xem",
                "role", "VIEWER", "unitCode", "05347", "email", "", "version", "abc")).body())
                .contains("Tài khoản này vừa được thay đổi (có thể đã bị khóa hoặc đổi vai trò)");
        assertThat(admin.post("/users/" + account.getId() + "/edit", form(admin, "displayName", "Người xem",
                "role", "VIEWER", "unitCode", "05347", "email", "", "version",
                version(admin, "/users/" + account.getId()))).statusCode()).isEqualTo(302);

        assertThat(viewer.get("/units/05347").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/units/05305").statusCode()).isEqualTo(404);
    }

    /**
     * A session keeps the role it logged in with, so changing a user's role, resetting their password or disabling
     * them ends every session they hold; the login page says why, and the next login carries the new role.
     */
    @Test
    void aRoleChangeAPasswordResetOrDisablingEndsTheUsersSessions() {
        String username = TestAccounts.uniqueUsername("ended");
        UserAccount account = viewer(username, "25");
        String userPath = "/users/" + account.getId();
        WebClient phone = new WebClient(port).login(username, DEMO_PASSWORD);
        WebClient office = new WebClient(port).login(username, DEMO_PASSWORD);
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        assertThat(phone.get("/reviews").statusCode()).as("a viewer reviews nothing").isEqualTo(403);
        assertThat(office.get("/api/v1/plans", "application/json").statusCode()).isEqualTo(200);

        assertThat(admin.post(userPath + "/edit", form(admin, "displayName", "Người xem", "role", "DISTRICT_OFFICIAL",
                "unitCode", "25", "email", "", "version", version(admin, userPath))).statusCode())
                .isEqualTo(302);

        assertThat(office.get("/api/v1/plans", "application/json").statusCode()).as("the API with the session")
                .isEqualTo(401);
        assertThat(location(office.get("/units/25/dashboard"))).as("that session is gone").isEqualTo("/login");
        HttpResponse<String> next = phone.get("/units/25/dashboard");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).isEqualTo("/login?ended");
        assertThat(phone.get("/login?ended").body()).contains("id=\"session-ended\"",
                "Phiên làm việc của bạn đã kết thúc vì tài khoản vừa thay đổi");
        WebClient again = new WebClient(port).login(username, DEMO_PASSWORD);
        assertThat(again.get("/reviews").statusCode()).as("the new role").isEqualTo(200);

        assertThat(admin.post(userPath + "/password", form(admin)).statusCode()).isIn(200, 302);
        assertThat(location(again.get("/reviews"))).as("after a reset").isEqualTo("/login?ended");

        userAccounts.findById(account.getId()).map(saved -> {
            saved.changePassword(passwordEncoder.encode(DEMO_PASSWORD));
            return userAccounts.save(saved);
        });
        WebClient last = new WebClient(port).login(username, DEMO_PASSWORD);
        assertThat(last.get("/reviews").statusCode()).isEqualTo(200);
        assertThat(admin.post(userPath + "/disable", form(admin)).statusCode()).isEqualTo(302);
        assertThat(location(last.get("/reviews"))).as("after disabling").isEqualTo("/login?ended");
        assertThat(admin.get("/users").statusCode()).as("nobody else's session ends").isEqualTo(200);
    }

    /**
     * Disabling and resetting end the user's sessions, so the user's page only links to a page that says so; opening
     * it changes nothing, and the button there does the work.
     */
    @Test
    void disablingOrResettingAsksOnAPageOfItsOwnFirst() {
        String username = TestAccounts.uniqueUsername("asked");
        UserAccount account = viewer(username, "25");
        String userPath = "/users/" + account.getId();
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        assertThat(admin.get(userPath).body()).contains("href=\"" + userPath + "/disable\"",
                "href=\"" + userPath + "/password\"").doesNotContain("action=\"" + userPath + "/disable\"");

        String disable = admin.get(userPath + "/disable").body();
        String reset = admin.get(userPath + "/password").body();

        assertThat(disable).contains("Khóa tài khoản " + username + "?", "các phiên đang mở của họ kết thúc ngay",
                "action=\"" + userPath + "/disable\"", "href=\"" + userPath + "\"");
        assertThat(reset).contains("Đặt lại mật khẩu của " + username + "?", "Mật khẩu hiện tại hết hiệu lực ngay",
                "action=\"" + userPath + "/password\"");
        UserAccount unchanged = userAccounts.findById(account.getId()).orElseThrow();
        assertThat(unchanged.isEnabled()).isTrue();
        assertThat(unchanged.isMustChangePassword()).isFalse();
        new WebClient(port).login(username, DEMO_PASSWORD);

        assertThat(admin.post(userPath + "/disable", form(admin)).statusCode()).isEqualTo(302);
        assertThat(admin.get(userPath + "/disable").body()).contains("Tài khoản này đã bị khóa.")
                .doesNotContain("action=\"" + userPath + "/disable\"");
        long adminId = userAccounts.findByUsername("admin").orElseThrow().getId();
        assertThat(admin.get("/users/" + adminId + "/disable").body())
                .contains("Bạn không thể khóa tài khoản của chính mình.").doesNotContain("/disable\" method");
        assertThat(admin.get("/users/" + adminId + "/password?lang=en").body())
                .contains("Reset the password of admin?", "You cannot reset your own password here")
                .doesNotContain("The current password stops working");
    }

    /** A form sent by hand with a role that does not exist: the field's message, never the converter's. */
    @Test
    void aRoleThatDoesNotExistIsAskedForAgainAndNobodyIsCreated() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String username = TestAccounts.uniqueUsername("tampered");

        HttpResponse<String> refused = admin.post("/users/new", form(admin, "username", username,
                "displayName", "Ai đó", "role", "SUPERUSER", "unitCode", "", "email", ""));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Hãy chọn vai trò.").doesNotContain("Failed to convert");
        assertThat(userAccounts.findByUsername(username)).isEmpty();
    }

    /** An edit sent by hand without its version, or with an overlong unit code: said in Vietnamese. */
    @Test
    void anEditSentByHandWithFieldsMissingIsToldInTheUsersLanguage() {
        UserAccount account = viewer(TestAccounts.uniqueUsername("crafted"), "25");
        String userPath = "/users/" + account.getId();
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> refused = admin.post(userPath + "/edit", form(admin, "displayName", "Người xem",
                "role", "VIEWER", "unitCode", "2".repeat(101), "email", ""));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tài khoản này vừa được thay đổi", "Mã đơn vị quá dài: tối đa 100 ký tự.")
                .doesNotContain("must not be null", "size must be between");
        assertThat(userAccounts.findById(account.getId()).orElseThrow().getDisplayName()).isEqualTo("Người xem");
    }

    @Test
    void nobodyDisablesThemselves() {
        long adminId = userAccounts.findByUsername("admin").orElseThrow().getId();
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> refused = admin.post("/users/" + adminId + "/disable", form(admin));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/users/" + adminId).body()).contains("Bạn không thể khóa tài khoản của chính mình.");
        assertThat(userAccounts.findById(adminId).orElseThrow().isEnabled()).isTrue();
    }

    /** Resetting ends the account's sessions: an administrator resetting their own would lock themselves out. */
    @Test
    void nobodyResetsTheirOwnPassword() {
        long adminId = userAccounts.findByUsername("admin").orElseThrow().getId();
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        assertThat(admin.get("/users/" + adminId).body()).doesNotContain("/users/" + adminId + "/password");

        HttpResponse<String> refused = admin.post("/users/" + adminId + "/password", form(admin));

        assertThat(location(refused)).isEqualTo("/users/" + adminId);
        assertThat(admin.get("/users/" + adminId).body())
                .contains("Bạn không thể cấp lại mật khẩu của chính mình ở đây").doesNotContain("issued-password");
        new WebClient(port).login("admin", DEMO_PASSWORD);
    }

    @Test
    void userListOverTheRowLimitIsRefusedOnThePageAndCreatesNobody() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        long before = userAccounts.count();
        StringBuilder list = new StringBuilder("username,display_name,role,unit_code,email\n");
        for (int i = 1; i <= 1001; i++) {
            list.append("xa.gioihan").append(i).append(",UBND xã ").append(i).append(",VIEWER,25,\n");
        }

        HttpResponse<String> refused = upload(admin, list.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tệp có 1 lỗi; chưa người dùng nào được tạo.",
                "Tệp có hơn 1.000 dòng dữ liệu, quá giới hạn của một lần nhập.",
                "Giới hạn: mỗi tệp tối đa 1 MB, 1.000 dòng dữ liệu, mỗi ô tối đa 1.000 ký tự.");
        assertThat(userAccounts.count()).isEqualTo(before);
    }

    /** The form sent with no file chosen is told so at its field, in the page's language, not by the browser. */
    @Test
    void anImportWithoutAFileSaysSoAtItsField() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/users/import"));

        HttpResponse<String> none = admin.postMultipart("/users/import", Map.of("_csrf", token), "", new byte[0]);

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("id=\"file-missing\"", "Hãy chọn một tệp CSV.")
                .containsPattern("id=\"file\"[^>]*aria-invalid=\"true\"")
                .contains("aria-describedby=\"file-help file-missing\"");
    }

    /**
     * In English, the page of an import still running answered 500: its line for the script was the message formatted
     * with "{0}" and "{1}" as text, which the English plural form cannot take. The server now words the line, on the
     * page and in what the page polls.
     */
    @Test
    void anImportWaitingForTheWorkerShowsItsProgressInEnglish() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        admin.get("/users/import?lang=en");
        CountDownLatch release = new CountDownLatch(1);
        // The one background worker is held, so the import is seen waiting whatever the machine's speed.
        jobs.start("test-hold", progress -> TestWait.released(release));
        String job;
        try {
            job = location(upload(admin, ("username,display_name,role,unit_code,email\n"
                    + TestAccounts.uniqueUsername("en") + ",Viewer,VIEWER,25,\n").getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> waiting = admin.get(job);
            assertThat(waiting.statusCode()).isEqualTo(200);
            assertThat(waiting.body()).contains("id=\"job-progress\"", "Waiting to start…");
            assertThat(admin.get(job + "/progress", "application/json").body())
                    .contains("\"finished\":false", "\"text\":\"Waiting to start…\"");
        }
        finally {
            release.countDown();
        }
        String finished = job;
        Awaitility.await().atMost(TestWait.part(10))
                .until(() -> admin.get(finished + "/progress", "application/json").body(), body -> body.contains(
                        "\"text\":\"Created 1 of 1 user…\"") && body.contains("\"finished\":true"));
    }

    private HttpResponse<String> upload(WebClient client, byte[] file) {
        String token = WebClient.csrfToken(client.get("/users/import"));
        return client.postMultipart("/users/import", Map.of("_csrf", token), "nguoi-dung.txt", file);
    }

    /** A form body with the session's CSRF token, from pairs of name and value. */
    /**
     * An edit form opened before the account was disabled, saved, undid it (when the form still carried the status);
     * it is refused, and says why.
     */
    @Test
    void anEditFormOpenedBeforeADisableCannotTurnTheAccountBackOn() {
        String username = TestAccounts.uniqueUsername("stale");
        UserAccount account = viewer(username, "25");
        String userPath = "/users/" + account.getId();
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        WebClient manager = new WebClient(port).login("tinh.phutho", DEMO_PASSWORD);
        String opened = version(manager, userPath);

        assertThat(admin.post(userPath + "/disable", form(admin)).statusCode()).isEqualTo(302);
        HttpResponse<String> stale = manager.post(userPath + "/edit", form(manager, "displayName", "Người xem",
                "role", "VIEWER", "unitCode", "25", "email", "mot@phutho.gov.vn", "version", opened));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Tài khoản này vừa được thay đổi");
        UserAccount kept = userAccounts.findById(account.getId()).orElseThrow();
        assertThat(kept.isEnabled()).isFalse();
        assertThat(kept.getEmail()).isNull();
    }

    /** A viewer of the unit, with the demo's password. */
    private UserAccount viewer(String username, String unitCode) {
        return userAccounts.save(new UserAccount(username, "Người xem", passwordEncoder.encode(DEMO_PASSWORD),
                Role.VIEWER, unitCode, Instant.EPOCH));
    }

    /** The account's version as its edit page carries it. */
    private static String version(WebClient client, String userPath) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(client.get(userPath + "/edit").body());
        assertThat(version.find()).as("the edit form's version").isTrue();
        return version.group(1);
    }

    private static String form(WebClient client, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(WebClient.csrfToken(client.get("/account")));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private String loginLocation(String username, String password) {
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        return location(client.post("/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token));
    }

    private static String issuedPassword(String page) {
        Matcher matcher = ISSUED.matcher(page);
        assertThat(matcher.find()).as("a one-time password on the page").isTrue();
        return matcher.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }
}
