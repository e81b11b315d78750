package org.communedx.web.shell;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class SecurityHeadersIT {

    private static final Pattern ASSET_LINK = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");

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

        HttpResponse<String> forbidden = new WebClient(port).login("xa.yenphu", "Demo@2025!").get("/audit");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertProtected(forbidden);
    }

    @Test
    void theApiForbidsTheBrowsersDevicesToo() {
        HttpResponse<String> anonymous = new WebClient(port).get("/api/v1/frameworks", "application/json");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
    }

    @Test
    void assetsHaveAddressesThatChangeWithThemAndAreCachedForGoodWhilePagesAreNot() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", "Demo@2025!");
        HttpResponse<String> page = manager.get("/units/17/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).as("kept by this browser alone, asked again each time")
                .hasValue("private, no-cache");
        assertThat(manager.get("/account").headers().firstValue("Cache-Control")).hasValueSatisfying(
                cacheControl -> assertThat(cacheControl).contains("no-store").doesNotContain("public"));

        List<String> assets = ASSET_LINK.matcher(page.body()).results().map(link -> link.group(1)).toList();
        assertThat(assets).as("the dashboard's stylesheets, scripts and icon")
                .contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")
                .anySatisfy(asset -> assertThat(asset).matches("/assets/js/dashboard-[0-9a-f]{32}\\.js"))
                .allSatisfy(asset -> assertThat(asset).matches(
                        "/assets/.+-[0-9a-f]{32}\\.(css|js|ico)|/webjars/[^/]+/\\d+(\\.\\d+)+/.+"));
        WebClient anonymous = new WebClient(port);
        for (String asset : assets) {
            HttpResponse<String> answer = anonymous.get(asset, "*/*");
            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
                    .contains("max-age=31536000, public, immutable");
            assertThat(answer.headers().firstValue("Pragma")).as(asset).isEmpty();
        }
    }

    @Test
    void anAssetStillAnswersAtItsPlainAddress() {
        HttpResponse<String> plain = new WebClient(port).get("/assets/css/app.css", "text/css");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isNotBlank();
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
        assertThat(page.headers().firstValue("Permissions-Policy")).as(page.uri().toString()).hasValueSatisfying(
                policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
    }
}
