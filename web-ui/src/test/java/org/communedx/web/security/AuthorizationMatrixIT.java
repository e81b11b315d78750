package org.communedx.web.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.framework.FrameworkCatalogue;
import org.communedx.service.framework.FrameworkViews.GroupView;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the application, from the handler mappings, against every role, with the user's own unit and
 * with another unit. A new route that is missing from {@link #MATRIX} fails this test, so that nobody adds a
 * page without deciding who may open it.
 * <p>
 * Columns: ADMIN, PROVINCE_MANAGER, DISTRICT_OFFICIAL, COMMUNE_STAFF, VIEWER, anonymous. A number is the exact
 * status; {@code A} means allowed: the request passed security and reached its handler (anything but 401, 403,
 * 404 and 5xx). Writes are probed against published or missing versions and with empty forms, so they change
 * nothing. {@code {own}} is a commune in every user's scope; {@code {other}} is a unit outside it;
 * {@code {staffUser}} is a user a provincial manager manages, {@code {adminUser}} one they do not.
 */
@TrackerIntegrationTest
class AuthorizationMatrixIT {

    private static final String ALLOWED = "A";

    private static final Map<String, List<String[]>> MATRIX = new LinkedHashMap<>();

    static {
        // Each role's first screen: administrators what needs them; commune staff are sent on to their own commune's
        // scorecard, the others to their unit's dashboard (the demo's managers, officials and viewers all have one).
        route("GET /", "/", "200 302 302 302 302 302");
        route("GET /login", "/login", "200 200 200 200 200 200");
        route("* /error", "/error", "500 500 500 500 500 500");
        route("GET /account", "/account", "200 200 200 200 200 302");
        route("POST /account/language", "/account/language", "A A A A A 302");
        route("POST /account/email-preference", "/account/email-preference", "A A A A A 302");
        // Each user's own notices; a notice that is not the caller's, or none, is not found.
        route("GET /notifications", "/notifications", "200 200 200 200 200 302");
        route("POST /notifications/{id}/read", "/notifications/0/read", "404 404 404 404 404 302");
        route("POST /notifications/{id}/open", "/notifications/0/open", "404 404 404 404 404 302");
        route("POST /notifications/read-all", "/notifications/read-all", "A A A A A 302");
        route("GET /api/v1/notifications", "/api/v1/notifications?size=5", "200 200 200 200 200 401");
        route("GET /admin/scheduled-jobs", "/admin/scheduled-jobs", "200 403 403 403 403 302");
        route("POST /admin/login-holds/release", "/admin/login-holds/release", "A 403 403 403 403 302");
        route("POST /admin/login-holds/release-address", "/admin/login-holds/release-address",
                "A 403 403 403 403 302");
        route("GET /account/password", "/account/password", "200 200 200 200 200 302");
        route("POST /account/password", "/account/password", "A A A A A 302");

        route("GET /units", "/units", "200 200 200 200 200 302");
        route("GET /units/{code}", "/units/{own}", "200 200 200 200 200 302",
                "/units/{other}", "200 404 404 404 404 302");
        route("POST /units/{code}/report-signer", "/units/{own}/report-signer", "A 403 403 403 403 302");
        // Asking changes nothing; no unit of that id holds the code, so the administrator finds none.
        route("GET /units/{code}/remove", "/units/{own}/remove?unit=0", "404 403 403 403 403 302");
        route("POST /units/{code}/remove", "/units/{own}/remove", "A 403 403 403 403 302");
        route("GET /units/import", "/units/import", "200 403 403 403 403 302");
        route("POST /units/import/list", "/units/import/list", "A 403 403 403 403 302");
        route("POST /units/import/merges", "/units/import/merges", "A 403 403 403 403 302");
        // Only the administrator who started a unit import sees its job: one nobody here started is not found.
        String unitJob = "/units/import/jobs/" + new UUID(0, 0);
        route("GET /units/import/jobs/{id}", unitJob, "404 403 403 403 403 302");
        route("GET /units/import/jobs/{id}/progress", unitJob + "/progress", "404 403 403 403 403 302");
        route("GET /api/v1/units", "/api/v1/units?q=yen", "200 200 200 200 200 401");
        route("GET /api/v1/units/{code}", "/api/v1/units/{own}", "200 200 200 200 200 401",
                "/api/v1/units/{other}", "200 404 404 404 404 401");

        route("GET /frameworks", "/frameworks", "200 200 403 403 403 302");
        route("GET /frameworks/{code}/{version}", "/frameworks/DX-XA/1.0", "200 200 403 403 403 302");
        route("GET /frameworks/{code}/{version}/export/yaml", "/frameworks/DX-XA/1.0/export/yaml",
                "200 200 403 403 403 302");
        route("GET /frameworks/{code}/{version}/export/xlsx", "/frameworks/DX-XA/1.0/export/xlsx",
                "200 200 403 403 403 302");
        route("POST /frameworks/{code}/{version}/clone", "/frameworks/DX-XA/1.0/clone", "A 403 403 403 403 302");
        // The pages that ask before publishing or retiring only ask: opening them changes nothing.
        route("GET /frameworks/{code}/{version}/publish", "/frameworks/DX-XA/1.0/publish", "200 403 403 403 403 302");
        route("GET /frameworks/{code}/{version}/retire", "/frameworks/DX-XA/0.0/retire", "404 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/publish", "/frameworks/DX-XA/1.0/publish", "A 403 403 403 403 302");
        // Never the seeded version: retiring it would change what the other tests see.
        route("POST /frameworks/{code}/{version}/retire", "/frameworks/DX-XA/0.0/retire", "404 403 403 403 403 302");
        route("GET /frameworks/{code}/{version}/discard", "/frameworks/DX-XA/1.0/discard", "200 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/discard", "/frameworks/DX-XA/0.0/discard", "404 403 403 403 403 302");
        // Version mappings and their prefills: administrators only. The writes are probed with an empty form (a
        // refused file) and a mapping that does not exist; a prefill's job nobody here started is not found.
        route("GET /mappings", "/mappings", "200 403 403 403 403 302");
        route("POST /mappings/import", "/mappings/import", "A 403 403 403 403 302");
        route("GET /mappings/{id:\\d+}", "/mappings/999999", "404 403 403 403 403 302");
        route("GET /mappings/{id}/export/yaml", "/mappings/999999/export/yaml", "404 403 403 403 403 302");
        route("GET /mappings/{id}/export/xlsx", "/mappings/999999/export/xlsx", "404 403 403 403 403 302");
        route("POST /mappings/{id}/prefill", "/mappings/999999/prefill", "404 403 403 403 403 302");
        String prefillJob = "/mappings/prefill/jobs/" + new UUID(0, 0);
        route("GET /mappings/prefill/jobs/{id}", prefillJob, "404 403 403 403 403 302");
        route("GET /mappings/prefill/jobs/{id}/progress", prefillJob + "/progress", "404 403 403 403 403 302");
        route("GET /frameworks/import", "/frameworks/import", "200 403 403 403 403 302");
        route("POST /frameworks/import", "/frameworks/import", "A 403 403 403 403 302");
        route("GET /frameworks/{code}/{version}/title", "/frameworks/DX-XA/1.0/title", "A 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/title", "/frameworks/DX-XA/1.0/title", "A 403 403 403 403 302");
        route("GET /frameworks/{code}/{version}/classes", "/frameworks/DX-XA/1.0/classes", "A 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/classes", "/frameworks/DX-XA/1.0/classes", "A 403 403 403 403 302");
        route("GET /frameworks/{code}/{version}/groups/new", "/frameworks/DX-XA/1.0/groups/new", "A 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/groups/new", "/frameworks/DX-XA/1.0/groups/new", "A 403 403 403 403 302");
        for (String action : List.of("edit", "remove")) {
            route("GET /frameworks/{code}/{version}/groups/{groupId}/" + action,
                    "/frameworks/DX-XA/1.0/groups/{group}/" + action, "A 403 403 403 403 302");
            route("GET /frameworks/{code}/{version}/criteria/{criterionId}/" + action,
                    "/frameworks/DX-XA/1.0/criteria/{criterion}/" + action, "A 403 403 403 403 302");
        }
        for (String action : List.of("edit", "remove", "move-up", "move-down")) {
            route("POST /frameworks/{code}/{version}/groups/{groupId}/" + action,
                    "/frameworks/DX-XA/1.0/groups/{group}/" + action, "A 403 403 403 403 302");
            route("POST /frameworks/{code}/{version}/criteria/{criterionId}/" + action,
                    "/frameworks/DX-XA/1.0/criteria/{criterion}/" + action, "A 403 403 403 403 302");
        }
        route("GET /frameworks/{code}/{version}/groups/{groupId}/criteria/new",
                "/frameworks/DX-XA/1.0/groups/{group}/criteria/new", "A 403 403 403 403 302");
        route("POST /frameworks/{code}/{version}/groups/{groupId}/criteria/new",
                "/frameworks/DX-XA/1.0/groups/{group}/criteria/new", "A 403 403 403 403 302");
        route("GET /users", "/users", "200 200 403 403 403 302");
        route("GET /users/new", "/users/new", "200 200 403 403 403 302");
        route("POST /users/new", "/users/new", "A A 403 403 403 302");
        route("GET /users/import", "/users/import", "200 200 403 403 403 302");
        route("POST /users/import", "/users/import", "A A 403 403 403 302");
        // Only the administrator who started an import sees it: a job nobody here started is not found.
        String job = "/users/import/jobs/" + new UUID(0, 0);
        route("GET /users/import/jobs/{id}", job, "404 404 403 403 403 302");
        route("GET /users/import/jobs/{id}/progress", job + "/progress", "404 404 403 403 403 302");
        route("POST /users/import/jobs/{id}/passwords", job + "/passwords", "404 404 403 403 403 302");
        // The pages that ask before disabling a user or resetting their password only ask: opening them changes nothing.
        for (String suffix : List.of("", "/edit", "/disable", "/password")) {
            route("GET /users/{id}" + suffix, "/users/{staffUser}" + suffix, "200 200 403 403 403 302",
                    "/users/{adminUser}" + suffix, "200 404 403 403 403 302");
        }
        // API tokens: an empty form issues nothing; a token nobody has is not found, for either of the two.
        route("GET /api-tokens", "/api-tokens", "200 200 403 403 403 302");
        route("POST /api-tokens", "/api-tokens", "A A 403 403 403 302");
        route("GET /api-tokens/{id}/revoke", "/api-tokens/999999/revoke", "404 404 403 403 403 302");
        route("POST /api-tokens/{id}/revoke", "/api-tokens/999999/revoke", "404 404 403 403 403 302");
        // Writes go to an id nobody has, so that no demo account is changed; security still answers first.
        for (String action : List.of("edit", "disable", "enable", "password")) {
            route("POST /users/{id}/" + action, "/users/999999/" + action, "404 404 403 403 403 302");
        }
        route("GET /periods", "/periods", "200 200 403 403 403 302");
        // Periods are national: provincial managers list them, administrators alone add and edit them.
        route("GET /periods/new", "/periods/new", "200 403 403 403 403 302");
        route("POST /periods/new", "/periods/new", "A 403 403 403 403 302");
        route("GET /periods/{id}/edit", "/periods/{period}/edit", "200 403 403 403 403 302",
                "/periods/0/edit", "404 403 403 403 403 302");
        route("POST /periods/{id}/edit", "/periods/{period}/edit", "A 403 403 403 403 302");
        route("GET /periods/{id}/delete", "/periods/{period}/delete", "200 403 403 403 403 302",
                "/periods/0/delete", "404 403 403 403 403 302");
        route("POST /periods/{id}/delete", "/periods/0/delete", "404 403 403 403 403 302");
        route("GET /periods/{periodId}/value-import", "/periods/{period}/value-import", "200 200 403 403 403 302",
                "/periods/0/value-import", "404 404 403 403 403 302");
        route("GET /periods/{periodId}/value-import/template.xlsx", "/periods/{period}/value-import/template.xlsx",
                "200 200 403 403 403 302", "/periods/{period}/value-import/template.xlsx?unit={other}",
                "200 404 403 403 403 302");
        route("POST /periods/{periodId}/value-import", "/periods/{period}/value-import", "A A 403 403 403 302");
        String valueJob = "/periods/{period}/value-import/jobs/" + new UUID(0, 0);
        route("GET /periods/{periodId}/value-import/jobs/{id}", valueJob, "404 404 403 403 403 302");
        route("GET /periods/{periodId}/value-import/jobs/{id}/progress", valueJob + "/progress",
                "404 404 403 403 403 302");
        route("GET /periods/{periodId}/value-import/jobs/{id}/report.csv", valueJob + "/report.csv",
                "404 404 403 403 403 302");
        route("GET /plans", "/plans", "200 200 403 403 403 302");
        route("GET /plans/new", "/plans/new", "200 200 403 403 403 302");
        route("POST /plans/new", "/plans/new", "A A 403 403 403 302");
        route("GET /plans/{id}/edit", "/plans/{plan}/edit", "200 200 403 403 403 302",
                "/plans/0/edit", "404 404 403 403 403 302");
        route("POST /plans/{id}/edit", "/plans/{plan}/edit", "A A 403 403 403 302");
        route("GET /communes/{code}/periods/{periodId}", "/communes/{own}/periods/{period}", "200 200 200 200 200 302",
                "/communes/{other}/periods/{period}", "200 404 404 404 404 302");
        // Submitting every saved entry at once: the commune's own staff only.
        route("POST /communes/{code}/periods/{periodId}/submit-all", "/communes/{own}/periods/{period}/submit-all",
                "403 403 403 A 403 302", "/communes/{other}/periods/{period}/submit-all", "403 403 403 404 403 302");
        route("POST /communes/{code}/periods/{periodId}/take-suggestions",
                "/communes/{own}/periods/{period}/take-suggestions", "403 403 403 A 403 302",
                "/communes/{other}/periods/{period}/take-suggestions", "403 403 403 404 403 302");
        // Exports and reports: a commune's for everyone whose scope reaches it; a district's (157, Lạc Sơn) and a
        // province's (17, Hòa Bình) likewise, and a commune has no rollup; the country's entries for administrators.
        route("GET /communes/{code}/periods/{periodId}/export.{format:csv|xlsx}",
                "/communes/{own}/periods/{period}/export.csv", "200 200 200 200 200 302",
                "/communes/{other}/periods/{period}/export.xlsx", "200 404 404 404 404 302");
        route("GET /communes/{code}/periods/{periodId}/report", "/communes/{own}/periods/{period}/report",
                "200 200 200 200 200 302", "/communes/{other}/periods/{period}/report", "200 404 404 404 404 302");
        route("GET /communes/{code}/periods/{periodId}/report.pdf", "/communes/{other}/periods/{period}/report.pdf",
                "200 404 404 404 404 302");
        route("GET /units/{code}/periods/{periodId}/rollup.{format:csv|xlsx}", "/units/157/periods/{period}/rollup.csv",
                "200 200 200 404 200 302", "/units/17/periods/{period}/rollup.xlsx", "200 200 404 404 200 302",
                "/units/{own}/periods/{period}/rollup.csv", "404 404 404 404 404 302");
        route("GET /units/{code}/periods/{periodId}/entries.{format:csv|xlsx}",
                "/units/{own}/periods/{period}/entries.csv", "200 200 200 200 200 302",
                "/units/{other}/periods/{period}/entries.xlsx", "200 404 404 404 404 302");
        route("GET /units/{code}/periods/{periodId}/report", "/units/157/periods/{period}/report",
                "200 200 200 404 200 302", "/units/{own}/periods/{period}/report", "404 404 404 404 404 302");
        route("GET /units/{code}/periods/{periodId}/report.pdf", "/units/17/periods/{period}/report.pdf",
                "200 200 404 404 200 302");
        // A province's ranking, on the page and downloaded: for everyone whose scope reaches the province (17); a
        // district (157) or a commune is no province, so there is no ranking of it.
        route("GET /units/{code}/periods/{periodId}/ranking", "/units/17/periods/{period}/ranking",
                "200 200 404 404 200 302", "/units/157/periods/{period}/ranking", "404 404 404 404 404 302",
                "/units/{own}/periods/{period}/ranking", "404 404 404 404 404 302");
        route("GET /units/{code}/periods/{periodId}/ranking.xlsx", "/units/17/periods/{period}/ranking.xlsx",
                "200 200 404 404 200 302");
        route("GET /units/{code}/periods/{periodId}/ranking.pdf", "/units/17/periods/{period}/ranking.pdf",
                "200 200 404 404 200 302");
        route("GET /periods/{periodId}/entries.{format:csv|xlsx}", "/periods/{period}/entries.csv",
                "200 403 403 403 403 302");
        route("GET /entries/{entryId}", "/entries/{entry}", "200 200 200 200 200 302",
                "/entries/0", "404 404 404 404 404 302");
        // Writes carry no version here, so they are refused before anything changes.
        for (String action : List.of("value", "submit", "not-applicable")) {
            route("POST /entries/{entryId}/" + action, "/entries/{entry}/" + action, "403 403 403 A 403 302");
        }
        for (String action : List.of("approve", "return", "reopen", "approve-not-applicable", "reopen-for-commune")) {
            route("POST /entries/{entryId}/" + action, "/entries/{entry}/" + action, "403 A A 403 403 302");
        }
        // An entry's comments: its commune's staff and its reviewers (the district's official); a provincial manager
        // of a commune under a district is refused by the service, the others by the rules. An empty comment
        // stores nothing.
        route("POST /entries/{entryId}/comments", "/entries/{entry}/comments", "403 403 A A 403 302",
                "/entries/0/comments", "403 404 404 404 403 302");
        // A criterion's entry page at its address, which needs no stored entry, and the moves that may store it.
        route("GET /communes/{code}/periods/{periodId}/criteria/{criterion}",
                "/communes/{own}/periods/{period}/criteria/G1.C1", "200 200 200 200 200 302",
                "/communes/{other}/periods/{period}/criteria/G1.C1", "200 404 404 404 404 302",
                "/communes/{own}/periods/{period}/criteria/G9.C9", "404 404 404 404 404 302");
        for (String action : List.of("value", "not-applicable", "evidence", "take-suggestion")) {
            route("POST /communes/{code}/periods/{periodId}/criteria/{criterion}/" + action,
                    "/communes/{own}/periods/{period}/criteria/G1.C1/" + action, "403 403 403 A 403 302");
        }
        route("POST /communes/{code}/periods/{periodId}/criteria/{criterion}/reopen-for-commune",
                "/communes/{own}/periods/{period}/criteria/G1.C1/reopen-for-commune", "403 A A 403 403 302");
        // The first comment before the commune's first write: the same people as an entry's comments.
        route("POST /communes/{code}/periods/{periodId}/criteria/{criterion}/comments",
                "/communes/{own}/periods/{period}/criteria/G1.C1/comments", "403 403 A A 403 302",
                "/communes/{other}/periods/{period}/criteria/G1.C1/comments", "403 404 404 404 403 302");
        route("GET /reviews", "/reviews", "403 200 200 403 403 302");
        route("POST /reviews/approve", "/reviews/approve", "403 A A 403 403 302");
        // Evidence: only commune staff reach the upload and removal handlers; an upload with no file changes nothing,
        // and file 0 does not exist, so downloads answer 404 to everyone signed in.
        route("POST /entries/{entryId}/evidence", "/entries/0/evidence", "403 403 403 404 403 302");
        route("GET /evidence/{id}", "/evidence/0", "404 404 404 404 404 302");
        route("GET /evidence/{id}/inline", "/evidence/0/inline", "404 404 404 404 404 302");
        route("GET /evidence/{id}/thumbnail", "/evidence/0/thumbnail", "404 404 404 404 404 302");
        route("GET /evidence/{id}/remove", "/evidence/0/remove", "403 403 403 404 403 302");
        route("POST /evidence/{id}/remove", "/evidence/0/remove", "403 403 403 404 403 302");
        route("GET /audit", "/audit", "200 403 403 403 403 302");
        route("GET /audit.csv", "/audit.csv?actor=admin&to=2000-01-01", "200 403 403 403 403 302");
        // Dashboards: the country for administrators; Lạc Sơn (157) and Hòa Bình (17) for those whose scope reaches
        // them; a commune has a scorecard instead. Everyone starts from their own (commune staff: the scorecard).
        route("GET /dashboard", "/dashboard", "302 302 302 302 302 302");
        route("GET /dashboard/national", "/dashboard/national", "200 403 403 403 403 302");
        route("GET /units/{code}/dashboard", "/units/157/dashboard", "200 200 200 404 200 302",
                "/units/17/dashboard", "200 200 404 404 200 302", "/units/{own}/dashboard", "404 404 404 404 404 302");
        route("GET /communes/{code}/periods/{periodId}/explain", "/communes/{own}/periods/{period}/explain",
                "200 200 200 200 200 302", "/communes/{other}/periods/{period}/explain", "200 404 404 404 404 302");
        route("GET /plans/{id}", "/plans/{plan}", "200 200 200 404 200 302", "/plans/0", "404 404 404 404 404 302");
        route("GET /api/v1/units/{code}/progress", "/api/v1/units/{own}/progress?period=2025", "200 200 200 200 200 401",
                "/api/v1/units/{other}/progress?period=2025", "200 404 404 404 404 401",
                "/api/v1/units/157/progress?period=2025", "200 200 200 404 200 401");
        route("GET /api/v1/units/{code}/charts", "/api/v1/units/17/charts", "200 200 404 404 200 401");
        route("GET /api/v1/country/charts", "/api/v1/country/charts", "200 404 404 404 404 401");
        route("GET /api/v1/plans", "/api/v1/plans", "200 200 200 200 200 401");
        route("GET /api/v1/plans/{id}", "/api/v1/plans/{plan}", "200 200 200 404 200 401");
        route("GET /v3/api-docs", "/v3/api-docs", "200 200 200 200 200 200");
        route("GET /v3/api-docs.yaml", "/v3/api-docs.yaml", "200 200 200 200 200 200");
        route("GET /api/v1/frameworks", "/api/v1/frameworks", "200 200 200 200 200 401");
        route("GET /api/v1/periods", "/api/v1/periods", "200 200 200 200 200 401");
        route("GET /api/v1/frameworks/{code}/{version}", "/api/v1/frameworks/DX-XA/1.0", "200 200 200 200 200 401");
        // The write API: an entry is read as its page is, written by its commune's staff (probed without If-Match
        // or body, so refused before anything changes); suggested values come from managers and administrators
        // (probed with an empty body). A browser's session sends its CSRF token, as the pages' forms do.
        route("GET /api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}",
                "/api/v1/communes/{own}/periods/{period}/criteria/G1.C1", "200 200 200 200 200 401",
                "/api/v1/communes/{other}/periods/{period}/criteria/G1.C1", "200 404 404 404 404 401");
        route("PUT /api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/value",
                "/api/v1/communes/{own}/periods/{period}/criteria/G1.C1/value", "403 403 403 A 403 401");
        for (String action : List.of("submit", "evidence")) {
            route("POST /api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/" + action,
                    "/api/v1/communes/{own}/periods/{period}/criteria/G1.C1/" + action, "403 403 403 A 403 401");
        }
        route("PUT /api/v1/periods/{periodId}/suggested-values", "/api/v1/periods/{period}/suggested-values",
                "A A 403 403 403 401");
        route("PUT /api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/suggested-value",
                "/api/v1/communes/{own}/periods/{period}/criteria/G1.C1/suggested-value", "A A 403 403 403 401");
    }

    private enum Caller {
        ADMIN("admin", "95001"), PROVINCE_MANAGER("tinh.hoabinh", "95001"), DISTRICT_OFFICIAL("huyen.lacson", "05068"),
        COMMUNE_STAFF("xa.yenphu", "05347"), VIEWER("xem.hoabinh", "95001"), ANONYMOUS(null, "05347");

        final String username;

        /** A commune outside this caller's scope; 95001 lies in a province no demo user belongs to. */
        final String otherUnit;

        Caller(String username, String otherUnit) {
            this.username = username;
            this.otherUnit = otherUnit;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    FrameworkCatalogue catalogue;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PeriodRepository periods;

    @Autowired
    PlanRepository plans;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void aProvinceOfNoDemoUser() {
        if (units.findAllByCode("95").isEmpty()) {
            AdministrativeUnit province = units.save(AdministrativeUnit.province("95", "Tỉnh Ngoài Phạm Vi", UnitType.TINH, null));
            units.save(AdministrativeUnit.within(province, UnitLevel.COMMUNE, "95001", "Xã Xa Xôi", UnitType.XA, null));
        }
    }

    @Test
    void everyRouteIsInTheMatrix() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                methods.forEach(method -> routes.add(method + " " + pattern));
            }
        }
        assertThat(routes).as("routes with no line in the authorization matrix").isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix lines for routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() {
        GroupView group = catalogue.version("DX-XA", "1.0").groups().get(0);
        // An account of the old province's that it still manages: 05305's (xa.yenphu) are the new Yên Phú's.
        long staffUser = accounts.findByUsername("huyen.kimboi").orElseThrow().getId();
        long adminUser = accounts.findByUsername("admin").orElseThrow().getId();
        // A period of the tree before the 2025 reform (Hòa Bình, Lạc Sơn, Yên Phú), open to commune staff: the demo's
        // current period belongs to the new Tỉnh Phú Thọ, which no district stands under.
        long demoPeriod = new EntryPages(frameworks, periods, transaction).newPeriod();
        long entry = EntryPages.saveFirst(new WebClient(port).login("xa.yenphu", "Demo@2025!"), "05305", demoPeriod,
                "G1.C2", "level=1");
        long demoPlan = plans.findAll().stream().filter(plan -> plan.getName().contains("huyện Lạc Sơn"))
                .findFirst().orElseThrow().getId();
        Map<Caller, WebClient> clients = new EnumMap<>(Caller.class);
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            WebClient client = new WebClient(port);
            if (caller.username != null) {
                client.login(caller.username, "Demo@2025!");
            }
            clients.put(caller, client);
            tokens.put(caller, WebClient.csrfToken(client.get(caller.username == null ? "/login" : "/account")));
        }
        List<String> mismatches = new ArrayList<>();
        MATRIX.forEach((route, probes) -> {
            String method = route.substring(0, route.indexOf(' '));
            for (String[] probe : probes) {
                String[] expected = probe[1].split(" ");
                for (Caller caller : Caller.values()) {
                    String path = probe[0].replace("{own}", "05305").replace("{other}", caller.otherUnit)
                            .replace("{group}", String.valueOf(group.id()))
                            .replace("{criterion}", String.valueOf(group.criteria().get(0).id()))
                            .replace("{staffUser}", String.valueOf(staffUser)).replace("{adminUser}", String.valueOf(adminUser))
                            .replace("{period}", String.valueOf(demoPeriod))
                            .replace("{plan}", String.valueOf(demoPlan))
                            .replace("{entry}", String.valueOf(entry));
                    int status = send(clients.get(caller), method, path, tokens.get(caller));
                    String want = expected[caller.ordinal()];
                    boolean matches = want.equals(ALLOWED)
                            ? status != 401 && status != 403 && status != 404 && status < 500
                            : status == Integer.parseInt(want);
                    if (!matches) {
                        mismatches.add(caller + " " + method + " " + path + ": expected " + want + ", got " + status);
                    }
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /**
     * An address no page answers is not found for every signed-in role (the rules refuse every unlisted address, which
     * used to say "no permission" even to an administrator), while a listed page a role may not open stays refused.
     */
    @Test
    void anAddressNoPageAnswersIsNotFoundAndAForbiddenPageStaysForbidden() {
        for (Caller caller : Caller.values()) {
            if (caller.username == null) {
                continue;
            }
            WebClient client = new WebClient(port).login(caller.username, "Demo@2025!");
            for (String typo : List.of("/khong-co-trang", "/dashbaord", "/units/17/dashbaord", "/actuator/env")) {
                HttpResponse<String> response = client.get(typo);
                assertThat(response.statusCode()).as(caller + " " + typo).isEqualTo(404);
                assertThat(response.body()).as(caller + " " + typo).doesNotContain("Không có quyền truy cập");
            }
        }
        assertThat(new WebClient(port).login("xa.yenphu", "Demo@2025!").get("/users").statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).get("/khong-co-trang").statusCode()).as("anonymous: to the login")
                .isEqualTo(302);
    }

    /**
     * A stored entry of Yên Phú: the demo's sample assessments have them. Opening a page creates none, so the
     * period's own entries exist only when an earlier test happened to write there.
     */
    private int send(WebClient client, String method, String path, String csrfToken) {
        if (method.equals("POST")) {
            return client.post(path, "_csrf=" + csrfToken).statusCode();
        }
        if (method.equals("PUT")) {
            return client.send(client.request(path).header("X-CSRF-TOKEN", csrfToken)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode();
        }
        HttpResponse<String> response = client.send(client.request(path)
                .header("Accept", path.startsWith("/api/") || path.endsWith("/progress") ? "application/json"
                        : path.startsWith("/v3/") ? "*/*" : "text/html").GET().build());
        return response.statusCode();
    }

    /** One line of the matrix: a route, then pairs of (sample path, expected statuses per caller). */
    private static void route(String route, String... pathsAndStatuses) {
        List<String[]> probes = new ArrayList<>();
        for (int i = 0; i < pathsAndStatuses.length; i += 2) {
            probes.add(new String[] { pathsAndStatuses[i], pathsAndStatuses[i + 1] });
        }
        MATRIX.put(route, probes);
    }
}
