package org.communedx.web.login;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(userAccounts, passwordEncoder);
    }

    @Test
    void fiveFailuresLockTheUsernameSoThatEvenTheRightPasswordIsRefused() {
        String username = accounts.create("lockout", PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(loginRedirect(username, "not the password " + attempt)).endsWith("/login?error");
        }

        assertThat(loginRedirect(username, PASSWORD)).endsWith("/login?error");
        assertThat(loginRedirect(username.toUpperCase(), PASSWORD)).as("usernames are not case-sensitive")
                .endsWith("/login?error");
        assertThat(outcomes(username)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT", "LOCKED",
                "LOCKED");
        assertThat(basic(username, PASSWORD).statusCode()).as("HTTP Basic is locked too").isEqualTo(401);
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
    void unknownUsernamesAreLockedAlikeAndEveryRefusalReadsTheSame() {
        String ghost = TestAccounts.uniqueUsername("ghost");
        String locked = accounts.create("locked", PASSWORD);
        String mistaken = accounts.create("mistaken", PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            loginRedirect(ghost, "guess " + attempt);
            loginRedirect(locked, "guess " + attempt);
        }

        assertThat(outcomes(ghost)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKOUT");
        String lockedAnswer = failureMessage(locked, PASSWORD);
        assertThat(lockedAnswer).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(failureMessage(ghost, PASSWORD)).isEqualTo(lockedAnswer);
        assertThat(failureMessage(mistaken, "wrong")).isEqualTo(lockedAnswer);
        assertThat(failureMessage(TestAccounts.uniqueUsername("never"), "wrong")).isEqualTo(lockedAnswer);
    }

    @Test
    void everyAttemptIsAuditedWithTheClientAddressAndSuccessSetsTheLastLogin() {
        String username = accounts.create("audit", PASSWORD);
        assertThat(jdbc.queryForObject("select last_login_at from user_account where username = ?", Object.class,
                username)).isNull();

        loginRedirect(username, "wrong");
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

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        String username = accounts.create("csrf", PASSWORD);
        WebClient client = new WebClient(port);
        client.get("/login");

        assertThat(client.post("/login", form(username, PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(client.get("/").statusCode()).as("not logged in").isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = { "' OR 1=1 --", "admin'--", "\"; drop table user_account; --", "xa.yenphu\u0000",
            "\u0000", "Nguyễn Văn Ánh", "cán.bộ.xã", "👮‍♀️🔥🇻🇳", "İİİ", "  ", "\t\r\n", "%00", "\uFFFF" })
    void oddUsernamesAreOrdinaryFailures(String username) {
        assertThat(loginRedirect(username, "wrong")).endsWith("/login?error");
        assertThat(loginRedirect(username, "' OR '1'='1")).endsWith("/login?error");
    }

    @Test
    void rawNulBytesAndHugeInputAreOrdinaryFailures() {
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        for (String body : new String[] { "username=admin%00&password=x%00y", "username=%00%00&password=%00",
                "username=" + "%F0%9F%98%80".repeat(5_000) + "&password=" + "p".repeat(10_000),
                "username=&password=", "password=only" }) {
            HttpResponse<String> response = client.post("/login", body + "&_csrf=" + token);
            assertThat(response.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(client.get("/login?error").statusCode()).isEqualTo(200);
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

    /** Where a fresh browser is sent after posting the login form. */
    private String loginRedirect(String username, String password) {
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        HttpResponse<String> response = client.post("/login", form(username, password) + "&_csrf=" + token);
        assertThat(response.statusCode()).as("login as %s", abbreviate(username)).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The alert a fresh browser sees after a refused login. */
    private String failureMessage(String username, String password) {
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        client.post("/login", form(username, password) + "&_csrf=" + token);
        Matcher alert = LOGIN_ALERT.matcher(client.get("/login?error").body());
        assertThat(alert.find()).isTrue();
        return alert.group();
    }

    private HttpResponse<String> basic(String username, String password) {
        WebClient client = new WebClient(port);
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(client.request("/api/v1/frameworks").header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build());
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
