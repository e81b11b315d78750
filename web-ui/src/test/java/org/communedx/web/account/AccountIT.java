package org.communedx.web.account;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class AccountIT {

    private static final String ISSUED = "Mật-khẩu-tạm-0001";

    private static final String CHOSEN = "Ruộng bậc thang Yên Phú";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository userAccounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    TestAccounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(userAccounts, passwordEncoder);
    }

    @Test
    void userWhoMustChangeThePasswordCanReachNothingElseUntilTheyDo() {
        String username = accounts.createWithPasswordToChange("forced", ISSUED);
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        HttpResponse<String> login = client.post("/login", "username=" + username + "&password=" + encode(ISSUED)
                + "&_csrf=" + token);
        assertThat(location(login)).endsWith("/account/password");

        for (String page : new String[] { "/", "/account", "/frameworks", "/frameworks/DX-XA/1.0", "/login" }) {
            HttpResponse<String> response = client.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(location(response)).as(page).endsWith("/account/password");
        }
        HttpResponse<String> api = client.get("/api/v1/frameworks", "application/json");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).as("problem JSON in the caller's language, saying why")
                .contains("\"code\":\"api.refused.passwordChange\"", "phải đổi mật khẩu trước khi dùng API");
        assertThat(client.get("/assets/css/app.css", "text/css").statusCode()).isEqualTo(200);
        HttpResponse<String> form = client.get("/account/password");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Hãy đặt mật khẩu mới của riêng bạn trước khi tiếp tục.");

        HttpResponse<String> common = change(client, ISSUED, "password123", "password123");
        assertThat(common.statusCode()).isEqualTo(200);
        assertThat(common.body()).contains("Mật khẩu này thuộc loại phổ biến nhất").doesNotContain("password123");
        assertThat(change(client, ISSUED, "ngắn", "ngắn").body()).contains("Mật khẩu phải có ít nhất 10 ký tự, không tính dấu cách ở đầu và cuối.");
        assertThat(change(client, ISSUED, username, username).body())
                .contains("Mật khẩu không được trùng với tên đăng nhập.");
        assertThat(change(client, ISSUED, ISSUED, ISSUED).body()).contains("Mật khẩu mới phải khác mật khẩu hiện tại.");
        assertThat(change(client, "wrong", CHOSEN, CHOSEN).body()).contains("Mật khẩu hiện tại không đúng.");
        assertThat(change(client, "", CHOSEN, CHOSEN).body()).contains("Hãy nhập mật khẩu hiện tại.");
        assertThat(change(client, ISSUED, CHOSEN, CHOSEN + "!").body())
                .contains("Hai lần nhập mật khẩu mới không giống nhau.");
        assertThat(client.get("/").statusCode()).as("still held back").isEqualTo(302);

        String sessionBefore = client.cookie("JSESSIONID").orElseThrow();
        HttpResponse<String> changed = change(client, ISSUED, CHOSEN, CHOSEN);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(location(changed)).endsWith("/");
        assertThat(client.cookie("JSESSIONID")).get().isNotEqualTo(sessionBefore);
        HttpResponse<String> home = client.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Đã đổi mật khẩu.");
        assertThat(client.get("/frameworks").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select actor from audit_event where entity_type = 'USER' and action = 'CHANGE_PASSWORD'
                and after_json ->> 'username' = ? and after_json::text not like '%$2%'""").param(username)
                .query(String.class).list()).as("the change, once, by the user, without a hash")
                .containsExactly(username);

        new WebClient(port).login(username, CHOSEN);
    }

    /**
     * After the password a reset forced, commune staff land on their scorecard told that the new one was taken: the
     * message was spent on the redirect home, which leads them on.
     */
    @Test
    void theForcedChangeIsConfirmedOnThePageHomeLeadsTo() {
        String username = accounts.createWithPasswordToChange("forced.staff", ISSUED,
                org.communedx.model.user.Role.COMMUNE_STAFF, "05305");
        WebClient client = new WebClient(port);
        String token = WebClient.csrfToken(client.get("/login"));
        client.post("/login", "username=" + username + "&password=" + encode(ISSUED) + "&_csrf=" + token);

        assertThat(location(change(client, ISSUED, CHOSEN, CHOSEN))).endsWith("/");
        String scorecard = java.net.URI.create(location(client.get("/"))).getPath();
        assertThat(scorecard).startsWith("/communes/05305/periods/");
        assertThat(client.get(scorecard).body()).contains("Đã đổi mật khẩu.");
        assertThat(client.get(scorecard).body()).as("said once").doesNotContain("Đã đổi mật khẩu.");
    }

    @Test
    void currentPasswordGuessesMakeTheirAddressWaitAsLoginGuessesDo() {
        String username = accounts.create("guessed", ISSUED);
        String stolen = WebClient.uniqueClientAddress();
        WebClient thief = WebClient.from(port, stolen).login(username, ISSUED);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(change(thief, "guess " + attempt, CHOSEN, CHOSEN).body())
                    .contains("Mật khẩu hiện tại không đúng.");
        }

        HttpResponse<String> refused = change(thief, ISSUED, CHOSEN, CHOSEN);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau 1 phút.");
        thief.get("/account/password?lang=en");
        assertThat(change(thief, ISSUED, CHOSEN, CHOSEN).body())
                .contains("Too many wrong passwords. Try again in 1 minute.");
        HttpResponse<String> login = loginFrom(stolen, username, ISSUED);
        assertThat(location(login)).as("the login page counts them too").contains("/login?throttled=");

        // Held back by the password form's guesses, the username is on the administrator's list like one held back
        // at the login page, for the owner who calls in: it was missing, and could not be let in again.
        WebClient administrator = WebClient.from(port, WebClient.uniqueClientAddress())
                .login("admin", org.communedx.web.support.EntryPages.PASSWORD);
        HttpResponse<String> home = administrator.get("/");
        assertThat(home.body()).contains("aria-label=\"Cho đăng nhập lại ngay: " + username + "\"");
        assertThat(location(administrator.post("/admin/login-holds/release", "_csrf=" + WebClient.csrfToken(home)
                + "&username=" + username))).endsWith("/");
        assertThat(location(loginFrom(stolen, username, ISSUED))).as("let in again from the address held")
                .doesNotContain("throttled");

        WebClient owner = WebClient.from(port, WebClient.uniqueClientAddress()).login(username, ISSUED);
        assertThat(location(change(owner, ISSUED, CHOSEN, CHOSEN))).as("another address is not held up")
                .endsWith("/account");
    }

    @Test
    void validationMessagesComeInTheUsersLanguage() {
        String username = accounts.create("english", ISSUED);
        WebClient client = new WebClient(port).login(username, ISSUED);

        HttpResponse<String> page = client.get("/account/password?lang=en");
        HttpResponse<String> refused = client.post("/account/password", "currentPassword=" + encode(ISSUED)
                + "&newPassword=qwertyuiop&confirmPassword=qwertyui&_csrf=" + WebClient.csrfToken(page));

        assertThat(refused.body()).contains("<html lang=\"en\">", "The two new passwords are not the same.");
        assertThat(change(client, ISSUED, "QwertyUiop", "QwertyUiop").body())
                .contains("This password is one of the most common and is easy to guess.");
    }

    @Test
    void changingThePasswordFromTheAccountPage() {
        String username = accounts.create("voluntary", ISSUED);
        WebClient client = new WebClient(port).login(username, ISSUED);
        HttpResponse<String> account = client.get("/account");
        assertThat(account.body()).contains(username, "href=\"/account/password\"")
                .as("without a mail server, the e-mail choice says no e-mail is sent now")
                .contains("id=\"email-off\"", "Máy chủ này chưa được cấu hình để gửi thư");

        WebClient otherDevice = new WebClient(port).login(username, ISSUED);

        HttpResponse<String> changed = change(client, ISSUED, CHOSEN, CHOSEN);

        assertThat(location(changed)).endsWith("/account");
        assertThat(client.get("/account").body()).contains("Đã đổi mật khẩu.");
        assertThat(location(otherDevice.get("/account"))).as("whoever knew the old password is logged out")
                .endsWith("/login?ended");
        new WebClient(port).login(username, CHOSEN);
    }

    @Test
    void theChosenLanguageIsAppliedAtTheNextLogin() {
        String username = accounts.create("language", ISSUED);
        WebClient client = new WebClient(port).login(username, ISSUED);
        assertThat(client.get("/").body()).contains("<html lang=\"vi\">");
        HttpResponse<String> account = client.get("/account");
        assertThat(account.body()).contains("href=\"/account\"");

        HttpResponse<String> saved = client.post("/account/language",
                "language=en&_csrf=" + WebClient.csrfToken(account));
        assertThat(location(saved)).endsWith("/account");
        assertThat(client.get("/account").body()).contains("<html lang=\"en\">", "Your language was saved.")
                .doesNotContain("This browser shows");

        WebClient laptop = new WebClient(port);
        assertThat(laptop.get("/login").body()).contains("<html lang=\"vi\">");
        laptop.login(username, ISSUED);
        assertThat(laptop.get("/").body()).contains("<html lang=\"en\">");

        // A commune office's shared computer: the next person logs in to their own account's language, not to the
        // one before's, which had come to pass for the browser's own choice.
        client.post("/logout", "_csrf=" + WebClient.csrfToken(client.get("/account")));
        assertThat(client.get("/login").body()).contains("<html lang=\"vi\">");
        assertThat(client.cookie("communedx-lang")).as("the browser chose none").isNotEqualTo(Optional.of("en"));
        client.login(accounts.create("colleague", ISSUED), ISSUED);
        assertThat(client.get("/").body()).contains("<html lang=\"vi\">");
    }

    /** A language chosen on the login page stays after it: the account's is for a browser that has chosen none. */
    @Test
    void theLanguageChosenOnTheLoginPageStays() {
        String username = accounts.create("english", ISSUED);
        WebClient client = new WebClient(port);
        assertThat(client.get("/login?lang=en").body()).contains("<html lang=\"en\">");

        client.login(username, ISSUED);

        assertThat(client.get("/").body()).as("the account's language is Vietnamese").contains("<html lang=\"en\">");
        assertThat(client.cookie("communedx-lang")).hasValue("en");
        assertThat(client.get("/account").body()).as("the saved language is not passed off as the page's")
                .contains("<option value=\"vi\" lang=\"vi\" selected=\"selected\">",
                        "This browser shows English, chosen from the menu.");
    }

    @Test
    void onlyTheShippedLanguagesCanBeChosen() {
        String username = accounts.create("french", ISSUED);
        WebClient client = new WebClient(port).login(username, ISSUED);
        String token = WebClient.csrfToken(client.get("/account"));

        client.post("/account/language", "language=fr&_csrf=" + token);

        assertThat(client.get("/account").body()).contains("<html lang=\"vi\">");
        assertThat(client.post("/account/language", "language=en").statusCode()).as("no CSRF token").isEqualTo(403);
    }

    private static HttpResponse<String> change(WebClient client, String current, String chosen, String again) {
        String token = WebClient.csrfToken(client.get("/account/password"));
        return client.post("/account/password", "currentPassword=" + encode(current) + "&newPassword=" + encode(chosen)
                + "&confirmPassword=" + encode(again) + "&_csrf=" + token);
    }

    private HttpResponse<String> loginFrom(String clientAddress, String username, String password) {
        WebClient client = WebClient.from(port, clientAddress);
        String token = WebClient.csrfToken(client.get("/login"));
        return client.post("/login", "username=" + username + "&password=" + encode(password) + "&_csrf=" + token);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("No redirect: " + response.statusCode()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
