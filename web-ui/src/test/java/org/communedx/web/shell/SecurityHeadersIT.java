package org.communedx.web.shell;

import java.net.http.HttpResponse;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void normalPagesCarryTheProtectiveHeaders() {
        assertProtected(new WebClient(port).get("/login"));
        assertProtected(new WebClient(port).login("admin", "Demo@2025!").get("/"));
    }

    @Test
    void errorPagesCarryThemToo() {
        HttpResponse<String> missingAsset = new WebClient(port).get("/assets/css/missing.css");
        assertThat(missingAsset.statusCode()).isEqualTo(404);
        assertProtected(missingAsset);

        HttpResponse<String> missingVersion = new WebClient(port).login("admin", "Demo@2025!").get("/frameworks/DX-XA/9.9");
        assertThat(missingVersion.statusCode()).isEqualTo(404);
        assertProtected(missingVersion);

        HttpResponse<String> forbidden = new WebClient(port).post("/logout", "");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertProtected(forbidden);
    }

    @Test
    void plainHttpGetsNoHstsAndAnHttpOnlyLaxSessionCookie() {
        HttpResponse<String> page = new WebClient(port).get("/login");

        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(page)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() {
        WebClient client = new WebClient(port);
        HttpResponse<String> page = client.send(client.request("/login").header("X-Forwarded-Proto", "https")
                .header("Accept", "text/html").GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        assertThat(sessionCookie(page)).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    private static String sessionCookie(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("No session cookie: " + page.headers().map()));
    }

    private static void assertProtected(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.uri().toString())
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).as(page.uri().toString()).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).as(page.uri().toString()).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).as(page.uri().toString())
                .contains("strict-origin-when-cross-origin");
    }
}
