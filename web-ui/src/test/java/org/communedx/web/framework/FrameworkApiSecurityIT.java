package org.communedx.web.framework;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.communedx.service.framework.FrameworkCatalogue;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class FrameworkApiSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    FrameworkCatalogue catalogue;

    @Test
    void scriptsUseHttpBasicAndNeverGetASession() {
        HttpResponse<String> response = api("xa.yenphu", "Demo@2025!");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"DX-XA\"");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anonymousCallersGet401NotTheLoginPage() {
        WebClient client = new WebClient(port);
        HttpResponse<String> response = client.get("/api/v1/frameworks", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api("nobody.api", "wrong password").statusCode()).isEqualTo(401);
    }

    @Test
    void aLoggedInBrowserMayUseItsSession() {
        WebClient browser = new WebClient(port).login("tinh.hoabinh", "Demo@2025!");

        assertThat(browser.get("/api/v1/frameworks", "application/json").statusCode()).isEqualTo(200);
    }

    /** The pages show drafts only to those who edit frameworks; the API, open to everyone signed in, does the same. */
    @Test
    void aDraftIsReadOnlyByThoseWhoEditFrameworks() {
        String draft = "9." + System.nanoTime() % 1_000_000;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        try {
            catalogue.cloneToDraft("DX-XA", "1.0", draft);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        String path = "/api/v1/frameworks/DX-XA/" + draft;

        assertThat(api("xa.yenphu", "Demo@2025!").body()).contains("\"version\":\"1.0\"")
                .doesNotContain("\"version\":\"" + draft + "\"");
        assertThat(api("xa.yenphu", "Demo@2025!", path).statusCode()).isEqualTo(404);
        assertThat(api("huyen.lacson", "Demo@2025!", path).statusCode()).isEqualTo(404);
        assertThat(api("tinh.hoabinh", "Demo@2025!").body()).contains("\"version\":\"" + draft + "\"");
        assertThat(api("tinh.hoabinh", "Demo@2025!", path).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheListedReadsAreOpen() {
        WebClient client = new WebClient(port);
        HttpResponse<String> post = client.send(client.request("/api/v1/frameworks")
                .header("Authorization", basic("admin", "Demo@2025!"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(post.statusCode()).as("the address is only read").isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    private HttpResponse<String> api(String username, String password) {
        return api(username, password, "/api/v1/frameworks");
    }

    private HttpResponse<String> api(String username, String password, String path) {
        WebClient client = new WebClient(port);
        return client.send(client.request(path).header("Authorization", basic(username, password))
                .header("Accept", "application/json").GET().build());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
