package org.communedx.web.token;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.revision.DataRevision;
import org.communedx.service.user.LoginAttemptRetention;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API tokens end to end: issued through the page and shown once, used on the API with their role and unit, refused
 * once expired, revoked or malformed; HTTP Basic without a row per success; and the login attempts' retention.
 */
@TrackerIntegrationTest
class ApiTokenIT {

    private static final String DEMO_PASSWORD = "Demo@2025!";

    private static final Pattern TOKEN = Pattern.compile("cdx_([0-9]+)_([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginAttemptRetention retention;

    @Autowired
    DataRevision revision;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    /** A province outside Phú Thọ, with one commune, for the scope checks. */
    @BeforeEach
    void anotherProvince() {
        if (units.findAllByCode("98").isEmpty()) {
            AdministrativeUnit province = units.save(AdministrativeUnit.province("98", "Tỉnh Thứ Ba", UnitType.TINH, null));
            units.save(AdministrativeUnit.within(province, UnitLevel.COMMUNE, "98001", "Xã Thứ Ba", UnitType.XA, null));
        }
    }

    @Test
    void anIssuedTokenIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        HttpResponse<String> issued = issue(admin, "Một cửa Hòa Bình", "PROVINCE_MANAGER", "25", "30");

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher token = TOKEN.matcher(issued.body());
        assertThat(token.find()).isTrue();
        long id = Long.parseLong(token.group(1));
        String secret = token.group(2);
        assertThat(issued.body()).contains("Đây là lần duy nhất mã được hiển thị");
        Matcher example = Pattern.compile("<code>curl [^<]* http://[^/]+(/api/v1/[^<]+)</code>").matcher(issued.body());
        assertThat(example.find()).as("a usage example").isTrue();
        HttpResponse<String> tried = bearer(token.group(), example.group(1));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).as("an example that answers something").contains("\"name\":");

        Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", id);
        assertThat((byte[]) row.get("secret_hash")).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(row.values().stream().map(String::valueOf).collect(Collectors.joining("|"))).doesNotContain(secret);
        assertThat(row).containsEntry("role", "PROVINCE_MANAGER").containsEntry("unit_code", "25")
                .containsEntry("created_by", "admin");
        assertThat(((Timestamp) row.get("expires_at")).toInstant()).isBetween(
                Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
        // Never again: not on the list, not in the audit trail.
        assertThat(admin.get("/api-tokens").body()).contains("Một cửa Hòa Bình", "cdx_" + id + "_…")
                .doesNotContain(secret);
        assertThat(jdbc.queryForObject("select after_json::text from audit_event where entity_type = 'API_TOKEN' "
                + "and entity_id = ? and action = 'ISSUE'", String.class, String.valueOf(id)))
                .contains("Một cửa Hòa Bình", "PROVINCE_MANAGER").doesNotContain(secret);
    }

    /** The issued page reloaded sends its form again: it leads back to the list, and no second token is issued. */
    @Test
    void theSameFormSentTwiceIssuesOneToken() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String form = admin.get("/api-tokens").body();
        Matcher key = Pattern.compile("name=\"issueKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(key.find()).as("the form draws its key").isTrue();
        String name = "Gửi hai lần " + System.nanoTime();
        String body = "_csrf=" + WebClient.csrfToken(admin.get("/api-tokens")) + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&role=VIEWER&unitCode=25&validDays=30&issueKey="
                + key.group(1);

        assertThat(TOKEN.matcher(admin.post("/api-tokens", body).body()).find()).isTrue();
        HttpResponse<String> again = admin.post("/api-tokens", body);

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(admin.get("/api-tokens").body()).contains("Mã đã được cấp khi biểu mẫu được gửi lần đầu");
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = ?", Long.class, name)).isOne();
    }

    @Test
    void aTokenReadsTheApiWithItsRoleAndUnitAndNoSession() {
        String token = issueAsAdmin("Đọc Phú Thọ", "PROVINCE_MANAGER", "25");

        HttpResponse<String> own = bearer(token, "/api/v1/units/05305");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("05305");
        assertThat(own.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);
        // Another province: not found, as on the pages.
        assertThat(bearer(token, "/api/v1/units/98").statusCode()).isEqualTo(404);
        assertThat(bearer(token, "/api/v1/units/98001").statusCode()).isEqualTo(404);
        // Notices are a person's: a token has none, and is told so rather than that its role may not.
        HttpResponse<String> notices = bearer(token, "/api/v1/notifications");
        assertThat(notices.statusCode()).isEqualTo(403);
        assertThat(notices.body()).contains("\"code\":\"api.refused.tokenHasNoNotices\"",
                "mã API không phải là người dùng");
        // A token is for the API alone.
        WebClient page = new WebClient(port);
        assertThat(page.send(page.request("/users").header("Authorization", "Bearer " + token).GET().build())
                .statusCode()).isEqualTo(302);
    }

    /**
     * A value a provincial system wrote is said to be the token's, by its name and its issuer, wherever the pages
     * name who changed it: "token:7" told the commune and an auditor nothing of the manager behind it.
     */
    @Test
    void whatATokenWroteNamesTheTokenAndItsIssuer() {
        long period = new EntryPages(frameworks, periods, new TransactionTemplate(transactions)).newPeriod();
        WebClient manager = new WebClient(port).login("tinh.phutho", DEMO_PASSWORD);
        String token = tokenOf(issue(manager, "Cổng <DVC> tỉnh", "COMMUNE_STAFF", "05305", "30"));
        String criterion = "/communes/05305/periods/" + period + "/criteria/G1.C1";
        // From a client that also holds the issuer's session cookie: the request acts as the token, and needs no
        // CSRF token, as no browser adds a Bearer header by itself.
        HttpResponse<String> saved = manager.send(manager.request("/api/v1" + criterion + "/value")
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("If-Match", "\"0\"")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"value\": \"18/20\"}")).build());
        assertThat(saved.statusCode()).isEqualTo(200);
        String said = "Mã API «Cổng &lt;DVC&gt; tỉnh» do tinh.phutho cấp";

        WebClient staff = new WebClient(port).login("xa.yenphu", DEMO_PASSWORD);
        assertThat(staff.get(criterion).body()).as("the entry's history").contains("<td>" + said + "</td>");
        assertThat(staff.get("/communes/05305/periods/" + period).body()).as("the scorecard's row").contains(said);
        String id = token.substring("cdx_".length(), token.indexOf('_', "cdx_".length()));
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        assertThat(admin.get("/audit?actor=token:" + id).body()).contains("<span>" + said + "</span>");
        assertThat(new String(admin.download("/audit.csv?actor=token:" + id).body(), StandardCharsets.UTF_8))
                .contains("token:" + id + ",Mã API «Cổng <DVC> tỉnh» do tinh.phutho cấp,");
    }

    @Test
    void lastUseIsRecordedWithoutMovingTheDataRevision() {
        String token = issueAsAdmin("Lần dùng", "VIEWER", "25");
        long id = idOf(token);
        assertThat(jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class, id)).isNull();
        long before = revision.current();

        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class, id))
                .isNotNull();
        assertThat(revision.current()).isEqualTo(before);
    }

    @Test
    void malformedUnknownAndWrongTokensAre401WithABearerChallengeAndAProblem() {
        String token = issueAsAdmin("Sai mã", "VIEWER", "25");
        String wrongSecret = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String presented : new String[] { "nonsense", "cdx_1_short", "cdx_999999999_" + "A".repeat(43),
                wrongSecret, "cdx_" + "9".repeat(30) + "_" + "A".repeat(43), "x".repeat(500) }) {
            HttpResponse<String> refused = bearer(presented, "/api/v1/frameworks");
            assertThat(refused.statusCode()).as(presented).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                    challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"status\":401", "\"code\":\"api.refused.invalidToken\"");
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        WebClient client = new WebClient(port);
        HttpResponse<String> english = client.send(client.request("/api/v1/frameworks")
                .header("Authorization", "Bearer nonsense").header("Accept-Language", "en").GET().build());
        assertThat(english.body()).contains("The API token is malformed, unknown, expired or revoked.");
        HttpResponse<String> anonymous = client.send(client.request("/api/v1/frameworks").GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(anonymous.body()).as("Vietnamese without Accept-Language").contains(
                "\"code\":\"api.refused.unauthorized\"", "Cần xác thực");
    }

    @Test
    void anExpiredTokenIs401() {
        String token = issueAsAdmin("Hết hạn", "VIEWER", "25");
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);

        jdbc.update("update api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 second'"
                + " where id = ?", idOf(token));

        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIs401AtItsNextCallAndTheRevocationIsAudited() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = tokenOf(issue(admin, "Thu hồi", "VIEWER", "25", "90"));
        long id = idOf(token);
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);

        HttpResponse<String> confirm = admin.get("/api-tokens/" + id + "/revoke");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Thu hồi mã Thu hồi?");
        HttpResponse<String> revoked = admin.post("/api-tokens/" + id + "/revoke",
                "_csrf=" + WebClient.csrfToken(confirm));
        assertThat(revoked.statusCode()).isEqualTo(302);

        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api-tokens").body()).contains("Đã thu hồi mã");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'API_TOKEN' "
                + "and entity_id = ? and action = 'REVOKE' and actor = 'admin'", Integer.class, String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aTokenWhoseIssuerIsDisabledIsRefused() {
        String issuer = new TestAccounts(accounts, passwordEncoder).create("token-issuer", DEMO_PASSWORD);
        String token = issueAsAdmin("Của người nghỉ", "VIEWER", "25");
        jdbc.update("update api_token set created_by = ? where id = ?", issuer, idOf(token));
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);

        jdbc.update("update user_account set enabled = false where username = ?", issuer);

        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(401);
    }

    @Test
    void aManagersTokenStopsWhenTheManagerIsDemotedAndWorksWhileNothingChanged() {
        String manager = provincialManager("25");
        String token = tokenOf(issue(new WebClient(port).login(manager, DEMO_PASSWORD), "Của quản lý tỉnh",
                "VIEWER", "05305", "90"));
        // While nothing changes, it works call after call.
        assertThat(bearer(token, "/api/v1/units/05305").statusCode()).isEqualTo(200);
        assertThat(bearer(token, "/api/v1/frameworks").statusCode()).isEqualTo(200);

        reassign(manager, Role.DISTRICT_OFFICIAL, "25");

        assertInvalidToken(bearer(token, "/api/v1/units/05305"));
        // Made the province's manager again, they have their tokens back, as an enabled account has.
        reassign(manager, Role.PROVINCE_MANAGER, "25");
        assertThat(bearer(token, "/api/v1/units/05305").statusCode()).isEqualTo(200);
    }

    @Test
    void aManagersTokenStopsWhenTheManagerMovesToAnotherProvince() {
        String manager = provincialManager("25");
        String token = tokenOf(issue(new WebClient(port).login(manager, DEMO_PASSWORD), "Của người chuyển tỉnh",
                "PROVINCE_MANAGER", "25", "90"));
        assertThat(bearer(token, "/api/v1/units/05305").statusCode()).isEqualTo(200);

        reassign(manager, Role.PROVINCE_MANAGER, "98");

        assertInvalidToken(bearer(token, "/api/v1/units/05305"));
        assertInvalidToken(bearer(token, "/api/v1/frameworks"));
    }

    /**
     * Yên Phú kept its code 05305 when the reform merged it into Phú Thọ. Hòa Bình's scope holds the old Yên Phú, and
     * so the code: asked by the code, a Hòa Bình manager saw and revoked the new commune's tokens, and a token kept
     * working for an issuer moved to Hòa Bình.
     */
    @Test
    void theOldProvinceNeitherSeesNorKeepsTokensOfTheNewCommuneThatKeptACode() {
        String newCommune = issueAsAdmin("Xã Yên Phú mới", "COMMUNE_STAFF", "05305");
        WebClient oldProvince = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        assertThat(oldProvince.get("/api-tokens").body()).doesNotContain("Xã Yên Phú mới")
                .as("a province that ended is told so, not offered a form every send refuses")
                .contains("id=\"issuer-unit-ended\"", "Tỉnh Hòa Bình đã kết thúc ngày 30/06/2025")
                .doesNotContain("action=\"/api-tokens\" method=\"post\"");
        assertThat(new WebClient(port).login("tinh.phutho", DEMO_PASSWORD).get("/api-tokens").body())
                .doesNotContain("id=\"issuer-unit-ended\"").contains("action=\"/api-tokens\"");
        HttpResponse<String> confirm = oldProvince.get("/api-tokens/" + idOf(newCommune) + "/revoke");
        assertThat(confirm.statusCode()).isEqualTo(404);
        assertThat(oldProvince.post("/api-tokens/" + idOf(newCommune) + "/revoke",
                "_csrf=" + WebClient.csrfToken(oldProvince.get("/api-tokens"))).statusCode()).isEqualTo(404);
        assertThat(bearer(newCommune, "/api/v1/units/05305").statusCode()).as("not revoked").isEqualTo(200);
        assertThat(new WebClient(port).login("tinh.phutho", DEMO_PASSWORD).get("/api-tokens").body())
                .as("the new province sees it").contains("Xã Yên Phú mới");

        String manager = provincialManager("25");
        String moved = tokenOf(issue(new WebClient(port).login(manager, DEMO_PASSWORD), "Của người về tỉnh cũ",
                "COMMUNE_STAFF", "05305", "90"));
        assertThat(bearer(moved, "/api/v1/units/05305").statusCode()).isEqualTo(200);
        reassign(manager, Role.PROVINCE_MANAGER, "17");
        assertInvalidToken(bearer(moved, "/api/v1/units/05305"));
    }

    @Test
    void aProvincialManagerIssuesWithinTheProvinceAndNotAboveTheirRole() {
        WebClient manager = new WebClient(port).login("tinh.phutho", DEMO_PASSWORD);
        int before = jdbc.queryForObject("select count(*) from api_token", Integer.class);

        HttpResponse<String> otherProvince = issue(manager, "Ngoài tỉnh", "VIEWER", "98001", "90");
        assertThat(otherProvince.statusCode()).isEqualTo(200);
        assertThat(otherProvince.body()).contains("Hôm nay không có đơn vị 98001 trong phạm vi của bạn.");
        assertThat(TOKEN.matcher(otherProvince.body()).find()).isFalse();
        // The reform ended Tỉnh Hòa Bình: no token is for it, and the refusal says so, to an administrator too.
        for (WebClient issuer : List.of(manager, new WebClient(port).login("admin", DEMO_PASSWORD))) {
            assertThat(issue(issuer, "Lịch sử", "VIEWER", "17", "90").body()).as("an ended province")
                    .contains("Tỉnh Hòa Bình (mã 17) đã kết thúc ngày 30/06/2025; mã truy cập chỉ gắn với đơn vị");
        }
        assertThat(issue(manager, "Cấp sai", "COMMUNE_STAFF", "25", "90").body()).as("the level the role needs")
                .contains("Đơn vị 25 không phải là cấp xã: cán bộ xã thuộc một xã");
        HttpResponse<String> administrator = issue(manager, "Quản trị", "ADMIN", "", "90");
        assertThat(administrator.body()).contains("Bạn không được cấp mã với vai trò này.");
        assertThat(TOKEN.matcher(administrator.body()).find()).isFalse();
        HttpResponse<String> tooLong = issue(manager, "Quá dài", "VIEWER", "25", "400");
        assertThat(tooLong.body()).contains("Mã có hiệu lực từ 1 đến 365 ngày.");
        for (String notDays : List.of("1.5", "99999999999999", "")) {
            assertThat(issue(manager, "Thử", "VIEWER", "25", notDays).body()).as(notDays)
                    .contains("Hãy nhập số ngày, từ 1 đến 365.")
                    .containsPattern("id=\"validDays\"[^>]*value=\"" + java.util.regex.Pattern.quote(notDays) + "\"");
        }
        assertThat(issue(manager, "x".repeat(101), "VIEWER", "25", "90").body())
                .contains("Tên có tối đa 100 ký tự");
        assertThat(issue(manager, "", "VIEWER", "99999", "0").body()).as("every field's problem in one round")
                .contains("Hãy đặt tên cho mã", "Hôm nay không có đơn vị 99999 trong phạm vi của bạn.",
                        "Mã có hiệu lực từ 1 đến 365 ngày.");
        assertThat(jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(before);

        HttpResponse<String> adminWithAUnit = issue(new WebClient(port).login("admin", DEMO_PASSWORD), "Quản trị",
                "ADMIN", "25", "90");
        assertThat(adminWithAUnit.body()).contains("Mã của quản trị viên không thuộc đơn vị nào: hãy để trống đơn vị.");
        assertThat(TOKEN.matcher(adminWithAUnit.body()).find()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(before);

        String own = tokenOf(issue(manager, "Sở Phú Thọ", "PROVINCE_MANAGER", "25", "90"));
        assertThat(bearer(own, "/api/v1/units/05305").statusCode()).isEqualTo(200);
        // The form offers no role above their own.
        assertThat(manager.get("/api-tokens").body()).contains("value=\"VIEWER\"").doesNotContain("value=\"ADMIN\"");
    }

    @Test
    void aProvincialManagerSeesAndRevokesOnlyTheTokensOfTheirProvince() {
        String elsewhere = issueAsAdmin("Tỉnh khác", "PROVINCE_MANAGER", "98");
        String administrator = issueAsAdmin("Toàn quốc", "ADMIN", "");
        WebClient manager = new WebClient(port).login("tinh.phutho", DEMO_PASSWORD);

        for (String token : new String[] { elsewhere, administrator }) {
            assertThat(manager.get("/api-tokens/" + idOf(token) + "/revoke").statusCode()).isEqualTo(404);
        }
        assertThat(bearer(administrator, "/api/v1/units/98001").statusCode()).isEqualTo(200);
        assertThat(bearer(elsewhere, "/api/v1/units/98001").statusCode()).isEqualTo(200);
        assertThat(manager.get("/api-tokens").body()).doesNotContain("Tỉnh khác", "Toàn quốc");
    }

    @Test
    void theListShowsAFewHundredTokensPageByPage() {
        jdbc.update("""
                insert into api_token (name, secret_hash, role, unit_code, created_by, created_at, expires_at)
                select 'Hệ thống số ' || n, sha256(convert_to('s' || n, 'UTF8')), 'VIEWER', '25', 'admin',
                    now() - make_interval(mins => n), now() + interval '30 days'
                from generate_series(1, 300) n""");
        int total = jdbc.queryForObject("select count(*) from api_token", Integer.class);
        int pages = (total + 49) / 50;
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> first = admin.get("/api-tokens");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Trang 1/" + pages, "Hệ thống số 1<").doesNotContain("Hệ thống số 60<")
                .contains("</html>");
        assertThat(countRows(first.body())).isEqualTo(50);
        HttpResponse<String> last = admin.get("/api-tokens?page=" + (pages - 1));
        assertThat(last.body()).contains("Trang " + pages + "/" + pages).contains("</html>");
        assertThat(countRows(last.body())).isEqualTo(total - 50 * (pages - 1));
        HttpResponse<String> farBeyond = admin.get("/api-tokens?page=" + Integer.MAX_VALUE);
        assertThat(farBeyond.statusCode()).as("no offset overflow").isEqualTo(200);
        assertThat(farBeyond.body()).as("past the last page, the last").contains("Trang " + pages + "/" + pages);
        assertThat(countRows(farBeyond.body())).isEqualTo(total - 50 * (pages - 1));
    }

    @Test
    void httpBasicRecordsNoSuccessButStillCountsAFailure() {
        String address = WebClient.uniqueClientAddress();
        WebClient script = WebClient.from(port, address);

        for (int call = 0; call < 3; call++) {
            assertThat(script.send(script.request("/api/v1/frameworks")
                    .header("Authorization", basic("huyen.kimboi", DEMO_PASSWORD)).GET().build()).statusCode())
                    .isEqualTo(200);
        }
        assertThat(attemptsFrom(address)).isEmpty();

        assertThat(script.send(script.request("/api/v1/frameworks")
                .header("Authorization", basic("huyen.kimboi", "wrong")).GET().build()).statusCode()).isEqualTo(401);
        assertThat(attemptsFrom(address)).containsExactly("FAILURE");
        // A success after a wrong password clears its count, as a login does: that one success is recorded.
        script.send(script.request("/api/v1/frameworks").header("Authorization", basic("huyen.kimboi", DEMO_PASSWORD))
                .GET().build());
        script.send(script.request("/api/v1/frameworks").header("Authorization", basic("huyen.kimboi", DEMO_PASSWORD))
                .GET().build());
        assertThat(attemptsFrom(address)).containsExactly("FAILURE", "SUCCESS");
    }

    @Test
    void theRetentionDeletesOnlyOldAttemptsAndTheTriggerStillRefusesEverythingElse() {
        String key = "it.retention." + System.nanoTime();
        long old = insertAttempt(key, Instant.now().minus(500, ChronoUnit.DAYS));
        long recent = insertAttempt(key, Instant.now().minus(10, ChronoUnit.DAYS));

        assertThatThrownBy(() -> jdbc.update("delete from login_attempt where id = ?", old))
                .hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.update("update login_attempt set outcome = 'SUCCESS' where id = ?", old))
                .hasMessageContaining("cannot be changed or deleted");

        int deleted = retention.purge();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select id from login_attempt where username_key = ?", Long.class, key))
                .containsExactly(recent);
        Map<String, Object> run = jdbc.queryForMap("select actor, after_json::text as after from audit_event "
                + "where entity_type = 'LOGIN_ATTEMPTS' and action = 'RETENTION' order by id desc limit 1");
        assertThat(run.get("actor")).isEqualTo("system");
        assertThat((String) run.get("after")).contains("\"deleted\": " + deleted, "\"cutoff\"");
        // Even with the setting, a row newer than the cutoff, or an update, is refused.
        assertThatThrownBy(() -> withRetentionSetting(Instant.now().minus(400, ChronoUnit.DAYS),
                "delete from login_attempt where id = " + recent)).hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> withRetentionSetting(Instant.now(),
                "update login_attempt set outcome = 'SUCCESS' where id = " + recent))
                .hasMessageContaining("cannot be changed or deleted");
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where id = ?", Integer.class, recent))
                .isEqualTo(1);
    }

    /** A provincial manager of their own, whom a test may demote or move without touching another test. */
    private String provincialManager(String province) {
        String username = TestAccounts.uniqueUsername("token-manager");
        accounts.save(new UserAccount(username, "Test " + username, passwordEncoder.encode(DEMO_PASSWORD),
                Role.PROVINCE_MANAGER, province, Instant.now()));
        return username;
    }

    /** As the users' page changes an account: in a transaction of the application's, which moves the data revision. */
    private void reassign(String username, Role role, String unitCode) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            UserAccount account = accounts.findByUsername(username).orElseThrow();
            account.assign(role, unitCode);
            accounts.save(account);
        });
    }

    private static void assertInvalidToken(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":401");
    }

    private void withRetentionSetting(Instant cutoff, String statement) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.queryForList("select set_config('communedx.retention', 'on', true), "
                    + "set_config('communedx.retention_cutoff', ?, true)", cutoff.toString());
            jdbc.update(statement);
        });
    }

    private long insertAttempt(String key, Instant at) {
        return jdbc.queryForObject("insert into login_attempt (attempted_at, username, username_key, client_ip, outcome)"
                + " values (?, ?, ?, '192.0.2.1', 'FAILURE') returning id", Long.class, Timestamp.from(at), key, key);
    }

    private java.util.List<String> attemptsFrom(String address) {
        return jdbc.queryForList("select outcome from login_attempt where client_ip = ? order by id", String.class,
                address);
    }

    private static int countRows(String page) {
        String table = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        return table.split("<tr>", -1).length - 1;
    }

    private String issueAsAdmin(String name, String role, String unit) {
        return tokenOf(issue(new WebClient(port).login("admin", DEMO_PASSWORD), name, role, unit, "90"));
    }

    private static HttpResponse<String> issue(WebClient client, String name, String role, String unit, String days) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", WebClient.csrfToken(client.get("/api-tokens")));
        fields.put("name", name);
        fields.put("role", role);
        fields.put("unitCode", unit);
        fields.put("validDays", days);
        return client.post("/api-tokens", fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String tokenOf(HttpResponse<String> issued) {
        Matcher token = TOKEN.matcher(issued.body());
        if (!token.find()) {
            throw new AssertionError("No token issued: " + issued.body());
        }
        return token.group();
    }

    private static long idOf(String token) {
        Matcher matcher = TOKEN.matcher(token);
        assertThat(matcher.matches()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<String> bearer(String token, String path) {
        WebClient client = new WebClient(port);
        return client.send(client.request(path).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
