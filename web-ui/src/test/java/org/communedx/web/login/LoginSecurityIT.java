package org.communedx.web.login;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class LoginSecurityIT {

    private static final String PASSWORD = "Ruộng bậc thang 2025";

    private static final Pattern LOGIN_ALERT = Pattern.compile("(?s)<div class=\"alert alert-danger\".*?</div>");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository userAccounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    TestAccounts accounts;

    /** This test's client address: the throttle counts per address, so no test holds up another. */
    final String address = WebClient.uniqueClientAddress();

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(userAccounts, passwordEncoder);
    }

    @Test
    void fiveWrongPasswordsMakeTheirAddressWaitEvenWithTheRightPassword() {
        String username = accounts.create("throttled", PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(loginRedirect(username, "not the password " + attempt)).endsWith("/login?error");
        }

        assertThat(loginRedirect(username, PASSWORD)).endsWith("/login?throttled=1");
        assertThat(loginRedirect(username.toUpperCase(), PASSWORD)).as("usernames are not case-sensitive")
                .endsWith("/login?throttled=1");
        assertThat(outcomes(username)).as("a refused attempt writes no row")
                .containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT");
        HttpResponse<String> basic = basic(address, username, PASSWORD);
        assertThat(basic.statusCode()).as("HTTP Basic waits too").isEqualTo(429);
        assertThat(basic.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
        assertThat(basic.body()).as("problem JSON, as the API's other refusals").contains(
                "\"code\":\"api.refused.throttled\"");
        assertThat(WebClient.from(port, address).get("/login?throttled=1").body())
                .contains("Đã nhập sai mật khẩu quá nhiều lần trên máy này. Hãy thử lại sau 1 phút, hoặc nhờ quản trị viên cho đăng nhập lại ngay.");
        assertThat(WebClient.from(port, address).get("/login?throttled=1&lang=en").body())
                .contains("Too many wrong passwords from this computer. Try again in 1 minute, or ask an administrator to let you in now.");
        String odd = WebClient.from(port, address).get("/login?throttled=%3Cb%3Efree%3C/b%3E").body();
        assertThat(odd).as("the language link keeps the query, encoded")
                .contains("href=\"?throttled=%3Cb%3Efree%3C%2Fb%3E&amp;lang=en\"");
        assertThat(odd.replace("href=\"?throttled=%3Cb%3Efree%3C%2Fb%3E&amp;lang=en\"", ""))
                .as("only a number is shown").doesNotContain("free", "Máy này");
    }

    @Test
    void strangerGuessingAUsernameCannotKeepItsOwnerOutFromAnotherAddress() {
        String admin = accounts.create("admin", PASSWORD);
        for (int attempt = 1; attempt <= 30; attempt++) {
            loginRedirect(admin, "guess " + attempt);
        }
        assertThat(loginRedirect(admin, PASSWORD)).as("the stranger's address").contains("/login?throttled=");

        String office = WebClient.uniqueClientAddress();
        assertThat(loginRedirect(office, admin, PASSWORD)).endsWith("/");
        assertThat(basic(office, admin, PASSWORD).statusCode()).isEqualTo(200);
        // The form's login is recorded; HTTP Basic's success is not, with no wrong password of its own to clear.
        assertThat(outcomes(admin)).as("thirty guesses, five rows").hasSize(5 + 1);
    }

    @Test
    void addressWithTwentyWrongPasswordsWaitsForEveryUsername() {
        String username = accounts.create("sprayed", PASSWORD);
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(loginRedirect(TestAccounts.uniqueUsername("spray"), "Mùa xuân 2025")).endsWith("/login?error");
        }

        assertThat(loginRedirect(username, PASSWORD)).endsWith("/login?throttled=1");
        assertThat(loginRedirect(WebClient.uniqueClientAddress(), username, PASSWORD)).endsWith("/");
    }

    /**
     * An office whose staff share one address, held back for every username by twenty wrong passwords: the
     * administrator sees the address on the first screen and lets it in again, audited, without the README's SQL.
     */
    @Test
    void anAdministratorLetsAnAddressHeldForEveryUsernameInAgain() {
        String office = WebClient.uniqueClientAddress();
        String staff = accounts.create("office", PASSWORD);
        String typo = TestAccounts.uniqueUsername("typo");
        for (int attempt = 1; attempt <= 20; attempt++) {
            loginRedirect(office, attempt == 1 ? typo : TestAccounts.uniqueUsername("typo"), "wrong");
        }
        assertThat(loginRedirect(office, staff, PASSWORD)).contains("/login?throttled=");
        String stored = jdbc.queryForObject("select client_ip from login_attempt where username_key = ?",
                String.class, typo);
        assertThat(jdbc.queryForList("select outcome from login_attempt where client_ip = ?", String.class, stored))
                .as("the address is held, no username of its: none is listed as held back").doesNotContain("LOCKOUT");

        WebClient admin = WebClient.from(port, WebClient.uniqueClientAddress()).login(accounts.create("holds",
                PASSWORD), PASSWORD);
        HttpResponse<String> home = admin.get("/");
        assertThat(home.body()).contains("Địa chỉ bị tạm khóa cho mọi tên đăng nhập", "<span>" + stored + "</span>",
                "20 lần nhập sai cho 20 tên đăng nhập",
                "aria-label=\"Cho địa chỉ này đăng nhập lại ngay: " + stored + "\"");
        String release = "_csrf=" + WebClient.csrfToken(home) + "&address="
                + URLEncoder.encode(stored, StandardCharsets.UTF_8);
        assertThat(admin.post("/admin/login-holds/release-address", release).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(admin.get("/").body()).contains("Đã gỡ tạm khóa địa chỉ").doesNotContain("<span>" + stored + "</span>");
        assertThat(loginRedirect(office, staff, PASSWORD)).endsWith("/");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'LOGIN_ATTEMPTS' "
                + "and action = 'RELEASE' and after_json ->> 'address' = ?", Integer.class, stored)).isOne();

        admin.post("/admin/login-holds/release-address", release);
        assertThat(admin.get("/").body()).as("nothing held: nothing released, and said so")
                .contains("Địa chỉ đó không bị tạm khóa");
    }

    @Test
    void throttledAttemptsCostNoPasswordCheck() {
        // A hash that takes the server a good second to check, so that a refusal without the check shows.
        String username = TestAccounts.uniqueUsername("slowhash");
        userAccounts.save(new UserAccount(username, "Test " + username,
                "{bcrypt}" + new BCryptPasswordEncoder(14).encode(PASSWORD), Role.ADMIN, null, Instant.now()));
        long fastestCheck = Long.MAX_VALUE;
        for (int attempt = 1; attempt <= 5; attempt++) {
            long start = System.nanoTime();
            loginRedirect(username, "wrong " + attempt);
            fastestCheck = Math.min(fastestCheck, System.nanoTime() - start);
        }

        long slowestRefusal = 0;
        for (int attempt = 1; attempt <= 10; attempt++) {
            long start = System.nanoTime();
            assertThat(loginRedirect(username, PASSWORD)).contains("/login?throttled=");
            slowestRefusal = Math.max(slowestRefusal, System.nanoTime() - start);
        }

        assertThat(Duration.ofNanos(slowestRefusal)).isLessThan(Duration.ofNanos(fastestCheck / 2));
    }

    @Test
    void theReadmesReleaseLetsAThrottledUsernameInAgain() throws IOException {
        String username = accounts.create("released", PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            loginRedirect(username, "wrong " + attempt);
        }
        assertThat(loginRedirect(username, PASSWORD)).contains("/login?throttled=");

        jdbc.update(readmeRelease().replace("'admin', 'admin'", "'" + username + "', '" + username + "'"));

        assertThat(loginRedirect(username, PASSWORD)).endsWith("/");
        assertThat(outcomes(username)).endsWith("RELEASE", "SUCCESS");
    }

    @Test
    void fourFailuresDoNotLock() {
        String username = accounts.create("four", PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            loginRedirect(username, "wrong");
        }

        assertThat(loginRedirect(username, PASSWORD)).endsWith("/");
    }

    @Test
    void unknownUsernamesAreThrottledAlikeAndEveryWrongPasswordReadsTheSame() {
        String ghost = TestAccounts.uniqueUsername("ghost");
        String throttled = accounts.create("locked", PASSWORD);
        String mistaken = accounts.create("mistaken", PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            loginRedirect(ghost, "guess " + attempt);
            loginRedirect(throttled, "guess " + attempt);
        }

        assertThat(outcomes(ghost)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT");
        assertThat(loginRedirect(ghost, PASSWORD)).isEqualTo(loginRedirect(throttled, PASSWORD));
        String wrongAnswer = failureMessage(mistaken, "wrong");
        assertThat(wrongAnswer).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(failureMessage(TestAccounts.uniqueUsername("never"), "wrong")).isEqualTo(wrongAnswer);
    }

    /**
     * Only a proxy on this machine is believed: a client on a private address (an office PC) that writes another
     * address into X-Forwarded-For is counted as itself. Tomcat's default believed every private address, and so
     * took the made-up one.
     */
    @Test
    void anAddressAClientMadeUpIsNotBelieved() {
        String username = accounts.create("forged", PASSWORD);
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        client.send(client.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.77, 10.1.2.3")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, "wrong") + "&_csrf=" + token)).build());

        assertThat(jdbc.queryForList("select client_ip from login_attempt where username_key = ?", String.class,
                username)).containsExactly("10.1.2.3");
    }

    @Test
    void everyAttemptIsAuditedWithTheClientAddressAndSuccessSetsTheLastLogin() {
        String username = accounts.create("audit", PASSWORD);
        assertThat(jdbc.queryForObject("select last_login_at from user_account where username = ?", Object.class,
                username)).isNull();

        loginRedirect(null, username, "wrong");
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        HttpResponse<String> viaProxy = client.send(client.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, PASSWORD) + "&_csrf=" + token)).build());
        assertThat(viaProxy.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));

        List<String> rows = jdbc.queryForList("select outcome || ' ' || client_ip from login_attempt "
                + "where username_key = ? order by id", String.class, username);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isIn("FAILURE 127.0.0.1", "FAILURE 0:0:0:0:0:0:0:1");
        assertThat(rows.get(1)).isEqualTo("SUCCESS 203.0.113.9");
        assertThat(jdbc.queryForObject("select last_login_at is not null and last_login_at > now() - interval '1 minute'"
                + " from user_account where username = ?", Boolean.class, username)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where username_key = ? "
                + "and attempted_at > now() - interval '1 minute'", Integer.class, username)).isEqualTo(2);
    }

    @Test
    void aRefusedLoginOffersTheTypedUsernameAgainOnceWithThePasswordFocused() {
        String username = accounts.create("typo", PASSWORD);
        WebClient client = WebClient.from(port, address);
        String token = WebClient.csrfToken(client.get("/login"));
        client.post("/login", form(" " + username.toUpperCase() + " ", "wrong") + "&_csrf=" + token);

        String again = client.get("/login?error").body();

        assertThat(again).contains("value=\"" + username + "\"").containsPattern("id=\"password\"[^>]*autofocus")
                .doesNotContainPattern("id=\"username\"[^>]*autofocus");
        assertThat(again).as("the refusal is read with the field that has the focus, and the title says it")
                .containsPattern("id=\"password\"[^>]*aria-describedby=\"login-failed\"").contains("<title>Lỗi: ");
        assertThat(client.get("/login?error&lang=en").body()).as("that page in the other language too")
                .contains("value=\"" + username + "\"");
        client.get("/login?lang=vi");
        assertThat(client.get("/login").body()).as("only the page right after the refusal")
                .doesNotContain(username).containsPattern("id=\"username\"[^>]*autofocus");

        client.post("/login", form("<b>" + username + "</b>", "wrong") + "&_csrf=" + token);
        assertThat(client.get("/login?error").body()).as("what cannot be a username is not offered")
                .doesNotContain(username);
    }

    @Test
    void veryLongUsernamesAreAuditedCutToAHundredCharacters() {
        String username = "x".repeat(10_000);

        assertThat(loginRedirect(username, "wrong")).endsWith("/login?error");

        assertThat(jdbc.queryForList("select length(username) from login_attempt where username_key = ?",
                Integer.class, "x".repeat(100))).isNotEmpty().allSatisfy(length -> assertThat(length).isEqualTo(100));
    }

    @Test
    void loginGivesTheSessionANewId() {
        String username = accounts.create("fixation", PASSWORD);
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        String before = client.cookie("JSESSIONID").orElseThrow();

        HttpResponse<String> login = client.post("/login", form(username, PASSWORD) + "&_csrf=" + token);

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        assertThat(client.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(before);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    /** The login page opened while signed in said nothing of it, as though the session had been lost. */
    @Test
    void theLoginPageTellsWhoIsSignedInAndLeadsHome() {
        String username = accounts.create("signedin", PASSWORD);
        assertThat(new WebClient(port).get("/login").body()).doesNotContain("id=\"signed-in\"");

        String page = WebClient.from(port, address).login(username, PASSWORD).get("/login").body();

        assertThat(page).contains("id=\"signed-in\"", "Bạn đang đăng nhập với tên " + username + ".",
                "href=\"/\"", "name=\"password\"");
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        String username = accounts.create("csrf", PASSWORD);
        WebClient client = new WebClient(port);
        client.get("/login");

        HttpResponse<String> refused = client.post("/login", form(username, PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
        assertThat(client.get("/").statusCode()).as("not logged in").isEqualTo(302);
    }

    /**
     * A form left open until its session ended (a browser with no session now): "no permission" blamed the account
     * and lost the way back. It asks for the login, then leads back to the form's page; nothing was saved.
     */
    @Test
    void aFormSentAfterItsSessionEndedLeadsThroughTheLoginBackToItsPage() {
        String username = accounts.create("ended", PASSWORD);
        WebClient before = WebClient.from(port, address).login(username, PASSWORD);
        String token = WebClient.csrfToken(before.get("/account"));
        WebClient after = WebClient.from(port, address);

        HttpResponse<String> sent = after.post("/account/language", "language=en&_csrf=" + token);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
        assertThat(after.get("/login?expired").body()).contains(
                "Phiên làm việc đã hết hạn nên nội dung bạn vừa gửi chưa được lưu. Vui lòng đăng nhập lại.");

        String loginToken = WebClient.csrfToken(after.get("/login"));
        HttpResponse<String> login = after.post("/login", form(username, PASSWORD) + "&_csrf=" + loginToken);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/account"));
        assertThat(after.get("/account").body()).as("nothing saved, nor replayed after the login")
                .contains("<html lang=\"vi\">");
        assertThat(userAccounts.findByUsername(username).orElseThrow().getLocale()).isEqualTo("vi");
    }

    /** Signed in again in another tab, the token changed: the form was stale, not refused to the account. */
    @Test
    void aFormSentWithTheTokenOfAnEarlierLoginIsStaleAndNamesItsPage() {
        String username = accounts.create("stale", PASSWORD);
        WebClient client = WebClient.from(port, address).login(username, PASSWORD);
        String token = WebClient.csrfToken(client.get("/account"));
        client.login(username, PASSWORD);

        HttpResponse<String> sent = client.post("/account/language", "language=en&_csrf=" + token);

        assertThat(sent.statusCode()).isEqualTo(403);
        assertThat(sent.body()).contains("<html lang=\"vi\">", "Biểu mẫu đã cũ", "Nội dung bạn gửi chưa được lưu",
                "href=\"/account\">Mở lại trang</a>").doesNotContain("Không có quyền truy cập");
        assertThat(client.get("/account").body()).as("nothing saved").contains("<html lang=\"vi\">");
    }

    @ParameterizedTest
    @ValueSource(strings = { "' OR 1=1 --", "admin'--", "\"; drop table user_account; --",
            "Nguyễn Văn Ánh", "cán.bộ.xã", "👮‍♀️🔥🇻🇳", "İİİ", "  ", "\t\r\n", "%00", "\uFFFF" })
    void oddUsernamesAreOrdinaryFailures(String username) {
        assertThat(loginRedirect(username, "wrong")).endsWith("/login?error");
        assertThat(loginRedirect(username, "' OR '1'='1")).endsWith("/login?error");
    }

    @Test
    void rawNulBytesAreBadInputAndHugeInputIsAnOrdinaryFailure() {
        WebClient client = WebClient.from(port, address);
        String token = WebClient.csrfToken(client.get("/login"));
        for (String body : new String[] { "username=admin%00&password=x%00y", "username=%00%00&password=%00",
                "username=xa.yenphu&password=%01" }) {
            HttpResponse<String> response = client.post("/login", body + "&_csrf=" + token);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("Không thể xử lý yêu cầu");
        }
        for (String body : new String[] { "username=" + "%F0%9F%98%80".repeat(5_000) + "&password=" + "p".repeat(10_000),
                "username=&password=", "password=only", "username=%09%0D%0A&password=%09" }) {
            HttpResponse<String> response = client.post("/login", body + "&_csrf=" + token);
            assertThat(response.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(client.get("/login?error").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where client_ip = ?", Integer.class,
                address)).as("refused before the login").isEqualTo(4);
    }

    @Test
    void malformedEncodingIsABadRequestNotAServerError() {
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));

        HttpResponse<String> response = client.post("/login", "username=%C3%28&password=%FF%FE&_csrf=" + token);

        // Tomcat refuses a body that is not UTF-8 before any login code runs.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void hugePasswordForARealAccountIsAnOrdinaryFailure() {
        String username = accounts.create("hugepassword", PASSWORD);

        assertThat(loginRedirect(username, PASSWORD.repeat(1_000))).endsWith("/login?error");
        assertThat(loginRedirect(username, PASSWORD)).endsWith("/");
    }

    /** Where a fresh browser at this test's address is sent after posting the login form. */
    private String loginRedirect(String username, String password) {
        return loginRedirect(address, username, password);
    }

    private String loginRedirect(String clientAddress, String username, String password) {
        WebClient client = WebClient.from(port, clientAddress);
        String token = WebClient.csrfToken(client.get("/login"));
        HttpResponse<String> response = client.post("/login", form(username, password) + "&_csrf=" + token);
        assertThat(response.statusCode()).as("login as %s", abbreviate(username)).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The alert a fresh browser sees after a refused login. */
    private String failureMessage(String username, String password) {
        WebClient client = WebClient.from(port, address);
        String token = WebClient.csrfToken(client.get("/login"));
        client.post("/login", form(username, password) + "&_csrf=" + token);
        Matcher alert = LOGIN_ALERT.matcher(client.get("/login?error").body());
        assertThat(alert.find()).isTrue();
        return alert.group();
    }

    private HttpResponse<String> basic(String clientAddress, String username, String password) {
        WebClient client = WebClient.from(port, clientAddress);
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(client.request("/api/v1/frameworks").header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build());
    }

    /** The release that the README tells an operator to run, for {@code admin}. */
    private static String readmeRelease() throws IOException {
        Matcher block = Pattern.compile("(?s)```sql\n(insert into login_attempt.*?'RELEASE'\\);)\n```")
                .matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(block.find()).as("the README's release").isTrue();
        return block.group(1);
    }

    private List<String> outcomes(String username) {
        return jdbc.queryForList("select outcome from login_attempt where username_key = ? order by id", String.class,
                username.toLowerCase());
    }

    private static String form(String username, String password) {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
