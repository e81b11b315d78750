package org.communedx.web.home;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user meets at an address that shows nothing, or nothing to them. */
@TrackerIntegrationTest
class ErrorPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping pages;

    /**
     * A page that is missing, or outside the user's scope, answers 404 with the menu every page has: it once came
     * from an exception handler's empty model, and said "0 chờ duyệt" with the bell and the sample-data label gone.
     */
    @Test
    void aPageOutOfScopeOrMissingKeepsTheMenu() {
        WebClient manager = new WebClient(port).login("tinh.phutho", "Demo@2025!");
        String reviews = first(manager.get("/reviews").body(), "id=\"nav-reviews\">([^<]+)<");

        for (String missing : List.of("/entries/999999", "/communes/99999/periods/1", "/plans/999999")) {
            HttpResponse<String> page = manager.get(missing);

            assertThat(page.statusCode()).as(missing).isEqualTo(404);
            assertThat(page.body()).as(missing).contains("Trang bạn tìm không tồn tại hoặc nằm ngoài phạm vi của bạn.",
                    "id=\"nav-reviews\">" + reviews + "<", "id=\"sample-data-label\"", "id=\"nav-notifications\"");
        }
    }

    /**
     * A form's address opened as a page, as a refused form's page reopened from the history is, leads to the page
     * the form is on instead of answering 405.
     */
    @Test
    void aFormsAddressOpenedAsAPageLeadsToTheFormsPage() {
        WebClient admin = new WebClient(port).login("admin", "Demo@2025!");

        HttpResponse<String> prefill = admin.get("/mappings/1/prefill");
        assertThat(prefill.statusCode()).isEqualTo(302);
        assertThat(prefill.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/mappings/1"));
    }

    /**
     * Every form's address, whether the page rules let a GET of it through or refuse it (they list only what each
     * role may open), leads an administrator to the form's page: /units/import/list once answered "no permission"
     * and /mappings/import "cannot process the request", each where a refused import is shown.
     */
    @Test
    void everyFormsAddressLeadsAnAdministratorToItsPage() {
        WebClient admin = new WebClient(port).login("admin", "Demo@2025!");
        Set<String> shown = patterns(methods -> methods.isEmpty() || methods.contains(RequestMethod.GET));
        List<String> forms = patterns(methods -> methods.equals(Set.of(RequestMethod.POST))).stream()
                .filter(path -> !shown.contains(path) && !path.startsWith("/api/"))
                .map(path -> path.replaceAll("\\{[^}]+}", "1")).distinct().sorted().toList();
        assertThat(forms).as("the forms found").contains("/units/import/list", "/mappings/import",
                "/notifications/read-all", "/frameworks/1/1/clone").hasSizeGreaterThan(30);

        for (String form : forms) {
            HttpResponse<String> opened = admin.get(form);
            assertThat(opened.statusCode()).as(form).isEqualTo(302);
            assertThat(opened.headers().firstValue("Location")).as(form)
                    .hasValueSatisfying(location -> assertThat(location).doesNotEndWith(form));
        }
        assertThat(admin.get("/units/import/list").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/units/import"));
        assertThat(admin.get("/mappings/import").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/mappings"));
    }

    /** HEAD is GET without the body, for every role the GET allows: it was refused as "no permission". */
    @Test
    void aHeadIsAnsweredAsItsGet() {
        WebClient admin = new WebClient(port).login("admin", "Demo@2025!");
        for (String page : List.of("/units", "/frameworks", "/audit")) {
            HttpResponse<String> head = admin.send(admin.request(page)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(page).isEqualTo(200);
            assertThat(head.body()).as(page).isEmpty();
        }
        WebClient staff = new WebClient(port).login("xa.yenphu", "Demo@2025!");
        assertThat(staff.send(staff.request("/audit").method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);
    }

    private Set<String> patterns(Predicate<Set<RequestMethod>> methods) {
        return pages.getHandlerMethods().keySet().stream()
                .filter(page -> methods.test(page.getMethodsCondition().getMethods()))
                .flatMap(page -> page.getPathPatternsCondition().getPatternValues().stream())
                .collect(Collectors.toSet());
    }

    private static String first(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
