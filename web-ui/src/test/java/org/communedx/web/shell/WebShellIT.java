package org.communedx.web.shell;

import java.net.http.HttpResponse;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class WebShellIT {

    @LocalServerPort
    int port;

    WebClient client;

    @BeforeEach
    void newBrowserSession() {
        client = new WebClient(port);
    }

    @Test
    void loginPageIsInVietnameseByDefault() {
        HttpResponse<String> page = client.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"vi\">", "Đăng nhập hệ thống", "name=\"username\"",
                "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void theFaviconIsServedAndEveryPageLinksIt() {
        HttpResponse<byte[]> icon = client.download("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"));
        assertThat(icon.body()).startsWith(0, 0, 1, 0).hasSizeGreaterThan(22);
        assertThat(client.get("/login").body()).containsPattern(
                "<link rel=\"icon\" href=\"/assets/img/favicon-[0-9a-f]{32}\\.ico\"");
    }

    @Test
    void langParameterSwitchesToEnglishAndACookieRemembersIt() {
        HttpResponse<String> english = client.get("/login?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Username");
        assertThat(english.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("communedx-lang=en").contains("HttpOnly"));

        HttpResponse<String> later = client.get("/login");
        assertThat(later.body()).contains("<html lang=\"en\">");

        assertThat(client.get("/login?lang=vi").body()).contains("<html lang=\"vi\">", "Tên đăng nhập");
    }

    @Test
    void unsupportedLanguageFallsBackToVietnamese() {
        assertThat(client.get("/login?lang=fr").body()).contains("<html lang=\"vi\">");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        HttpResponse<String> home = client.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void wrongCredentialsShowALocalisedFailure() {
        String token = WebClient.csrfToken(client.get("/login"));
        HttpResponse<String> failed = client.post("/login", "username=nobody&password=wrong&_csrf=" + token);

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(client.get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void missingPageShowsALocalisedNotFoundPageWithoutInternals() {
        HttpResponse<String> page = client.get("/assets/css/missing.css");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"vi\">", "Không tìm thấy trang");
        assertNoInternals(page);
    }

    /** Nobody is signed in: the logout, without its token, has nothing to end. */
    @Test
    void logoutWithoutCsrfTokenAndSignedOutSaysSignedOut() {
        HttpResponse<String> page = client.post("/logout", "");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?logout"));
    }

    @Test
    void serverErrorPageIsLocalisedAndShowsNoStackTrace() {
        HttpResponse<String> page = client.get("/error?lang=en");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("<html lang=\"en\">", "Something went wrong");
        assertNoInternals(page);
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsNot() {
        HttpResponse<String> health = client.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        for (String endpoint : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/info" }) {
            HttpResponse<String> response = client.get(endpoint, "application/json");
            assertThat(response.statusCode()).as(endpoint).isIn(302, 401, 403, 404);
            assertThat(response.body()).as(endpoint).doesNotContain("\"_links\"", "propertySources");
        }
    }

    @Test
    void pagesCarryProtectiveHeaders() {
        HttpResponse<String> page = client.get("/login");

        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
    }

    private static void assertNoInternals(HttpResponse<String> page) {
        assertThat(page.body()).doesNotContain("Exception", "at org.", "trace", "Whitelabel");
    }
}
