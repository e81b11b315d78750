package org.communedx.web.security;

import java.net.http.HttpResponse;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters in a parameter are bad input, refused before any query: PostgreSQL refuses NUL, and a search
 * for {@code %00} was a server error.
 */
@TrackerIntegrationTest
class BadInputIT {

    private static final String DEMO_PASSWORD = "Demo@2025!";

    @LocalServerPort
    int port;

    @Test
    void nulInAnySearchIsABadRequestWithTheApplicationsPage() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        for (String path : new String[] { "/units?q=a%00", "/audit?actor=%00", "/users?q=x%00y" }) {
            assertBadRequestPage(admin.get(path), path);
        }
        for (String path : new String[] { "/reviews?commune=%00", "/reviews?group=%00", "/units?q=%1B" }) {
            assertBadRequestPage(manager.get(path), path);
        }
        HttpResponse<String> english = admin.get("/units?q=%00&lang=en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("<html lang=\"en\">", "The request could not be handled");
    }

    /**
     * A day of a year in nine digits, which ISO's parser took and PostgreSQL refused, is a bad request, not a 500; a
     * day written as the pages write it (31/12/2026) is read.
     */
    @Test
    void aDayOfAnAbsurdYearIsABadRequestAndADayFirstDateIsRead() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        for (String path : new String[] { "/units?asOf=%2B999999999-01-01", "/units/05305?asOf=%2B999999999-01-01",
                "/audit?from=%2B999999999-01-01", "/units?asOf=0000-01-01", "/units?asOf=31/02/2026" }) {
            assertUnreadableValuePage(admin.get(path), path);
        }
        assertThat(admin.get("/audit?from=07/12/2026&to=2026-12-31").body()).as("either shape, given back as ISO")
                .contains("value=\"2026-12-07\"", "value=\"2026-12-31\"");
        assertThat(admin.get("/units?asOf=1/7/2025").statusCode()).isEqualTo(200);
    }

    @Test
    void nulInAnApiSearchIsABadRequestInJson() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        HttpResponse<String> refused = manager.get("/api/v1/units?q=l%00", "application/json");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.body()).contains("\"status\":400").doesNotContain("Exception");
    }

    @Test
    void tabsAndLineBreaksAreOrdinaryInput() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);

        assertThat(manager.get("/units?q=l%E1%BA%A1c%09s%C6%A1n%0D%0A").statusCode()).isEqualTo(200);
        assertThat(manager.get("/reviews?commune=%0A").statusCode()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInAFormBodyIsRefusedBeforeItsHandler() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);
        String token = WebClient.csrfToken(manager.get("/account"));

        HttpResponse<String> refused = manager.post("/account/language", "language=vi%07&_csrf=" + token);

        assertBadRequestPage(refused, "/account/language");
        // A right-to-left override in a name turned the username shown beside it around.
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        assertBadRequestPage(admin.post("/users/new", "username=bidi.user&displayName=Nguy%E1%BB%85n%E2%80%AEevil"
                + "&role=VIEWER&unitCode=25&email=&_csrf=" + WebClient.csrfToken(admin.get("/users/new"))),
                "/users/new");
    }

    /**
     * A value its page cannot read, in an address typed or cut short when copied, is named, escaped and cut to a
     * quotable length, with the page without its filters one click away; the generic "cannot be handled" had left the
     * user to guess which part of the address was wrong.
     */
    @Test
    void anUnreadableValueInTheAddressIsNamedWithThePageWithoutIt() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> role = admin.get("/users?q=nguyen&role=XYZ");
        assertUnreadableValuePage(role, "/users?role=XYZ");
        assertThat(role.body()).contains("giá trị “XYZ” của “role”", "href=\"/users\"",
                "Mở trang này không kèm bộ lọc");
        assertThat(admin.get("/audit?page=abc").body()).contains("“abc” của “page”", "href=\"/audit\"");

        String script = admin.get("/users?page=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertThat(script).contains("“&lt;script&gt;alert(1)&lt;/script&gt;”").doesNotContain("<script>alert");
        String pasted = admin.get("/users?page=" + "9".repeat(5_000)).body();
        assertThat(pasted).contains("“" + "9".repeat(40) + "…”").doesNotContain("9".repeat(41));

        // A part of the path is no filter to drop: the address does not exist, and its link had led back to itself.
        HttpResponse<String> path = admin.get("/communes/05305/periods/abc");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(path.body()).contains("Không tìm thấy trang").doesNotContain("periodId");

        HttpResponse<String> english = admin.get("/audit?to=abc&lang=en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("<html lang=\"en\">", "the value “abc” of “to”",
                "Open this page without its filters");
    }

    private static void assertUnreadableValuePage(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains("<html lang=\"vi\">", "Địa chỉ có một giá trị không đọc được")
                .doesNotContain("Exception", "Apache Tomcat");
    }

    private static void assertBadRequestPage(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains("<html lang=\"vi\">", "Không thể xử lý yêu cầu")
                .doesNotContain("Exception", "Apache Tomcat");
    }
}
