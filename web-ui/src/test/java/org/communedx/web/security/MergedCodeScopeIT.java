package org.communedx.web.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.JobPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merger that reuses a code, as the new Xã Yên Phú (05305) of 2025 reuses Lạc Sơn's: the new Xã Suối Mới 88101 is
 * formed on 2025-07-01 from 88101 (Huyện Một, province 88) and 88201 (Huyện Hai), under the new province 89. Access
 * follows the unit that held the code at the period's date, never the code alone. Synthetic codes, so that the
 * demo's Yên Phú, which other tests use, stays as it is.
 */
@TrackerIntegrationTest
class MergedCodeScopeIT {

    private static final String PASSWORD = "Ruộng bậc thang 2025";

    private static final String LIST = """
            Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
            Tỉnh Trước Sáp Nhập,88,Huyện Một,881,Xã Suối Một,88101,Xã
            Tỉnh Trước Sáp Nhập,88,Huyện Hai,882,Xã Suối Hai,88201,Xã
            """;

    private static final String MERGES = """
            new_province_code,new_province_name,new_unit_code,new_unit_name,old_unit_code,old_unit_name,merge_type
            89,Tỉnh Sau Sáp Nhập,88101,Xã Suối Mới,88101,Xã Suối Một,full
            89,Tỉnh Sau Sáp Nhập,88101,Xã Suối Mới,88201,Xã Suối Hai,full
            """;

    private static boolean merged;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    synchronized void importTheMerger() {
        if (merged) {
            return;
        }
        WebClient admin = new WebClient(port).login("admin", "Demo@2025!");
        String token = WebClient.csrfToken(admin.get("/units/import"));
        assertThat(JobPages.done(admin, JobPages.jobOf(admin.postMultipart("/units/import/list",
                Map.of("_csrf", token, "listDate", "2025-03-01"), "danh-muc.csv", LIST.getBytes(StandardCharsets.UTF_8)),
                "/units/import/jobs/"))).contains("Đã nhập xong.");
        assertThat(JobPages.done(admin, JobPages.jobOf(admin.postMultipart("/units/import/merges",
                Map.of("_csrf", token, "effectiveDate", "2025-07-01", "legalBasis", "Nghị quyết thử", "provinceCodes", "89"),
                "sap-xep.csv", MERGES.getBytes(StandardCharsets.UTF_8)), "/units/import/jobs/")))
                .contains("Tỉnh mới tạo: 1; đơn vị mới tạo: 1");
        merged = true;
    }

    @Test
    void oldDistrictsAndProvinceSeeTheOldUnitBeforeTheMergerAndNeverTheNewOne() {
        long before = period("Năm 2024");
        long after = period("Năm 2026");
        Map<String, WebClient> users = new LinkedHashMap<>();
        users.put("district of the old 88101", login(Role.DISTRICT_OFFICIAL, "881"));
        users.put("district of 88201", login(Role.DISTRICT_OFFICIAL, "882"));
        users.put("old province", login(Role.PROVINCE_MANAGER, "88"));
        users.put("new province", login(Role.PROVINCE_MANAGER, "89"));

        assertStatuses(users, "/communes/88101/periods/" + before, 200, 404, 200, 200);
        assertStatuses(users, "/communes/88201/periods/" + before, 404, 200, 200, 200);
        assertStatuses(users, "/communes/88101/periods/" + after, 404, 404, 404, 200);
        assertStatuses(users, "/communes/88101/periods/" + after + "/export.csv", 404, 404, 404, 200);
        assertStatuses(users, "/communes/88101/periods/" + after + "/report", 404, 404, 404, 200);
        assertStatuses(users, "/communes/88101/periods/" + after + "/explain", 404, 404, 404, 200);
        assertThat(users.get("new province").get("/communes/88101/periods/" + after).body()).contains("Xã Suối Mới");
        assertThat(users.get("old province").get("/communes/88101/periods/" + before).body()).contains("Xã Suối Một");
    }

    @Test
    void dashboardsProgressPlansAndExportsFollowTheUnitOfThePeriodNeverTheCode() {
        long before = period("Năm 2024");
        long after = period("Năm 2026");
        long newPlan = plan("89", "2026-01-01", "2026-12-31", "88101");
        long oldPlan = plan("881", "2024-01-01", "2024-12-31", "88101");
        Map<String, WebClient> users = new LinkedHashMap<>();
        users.put("district of the old 88101", login(Role.DISTRICT_OFFICIAL, "881"));
        users.put("district of 88201", login(Role.DISTRICT_OFFICIAL, "882"));
        users.put("old province", login(Role.PROVINCE_MANAGER, "88"));
        users.put("new province", login(Role.PROVINCE_MANAGER, "89"));

        assertStatuses(users, "/units/89/dashboard?period=" + after, 404, 404, 404, 200);
        assertStatuses(users, "/api/v1/units/89/charts?periodId=" + after, 404, 404, 404, 200);
        assertStatuses(users, "/api/v1/units/89/progress?period=2026", 404, 404, 404, 200);
        assertStatuses(users, "/api/v1/units/88101/progress?period=2026", 404, 404, 404, 200);
        assertStatuses(users, "/units/89/periods/" + after + "/rollup.csv", 404, 404, 404, 200);
        assertStatuses(users, "/units/89/periods/" + after + "/entries.csv", 404, 404, 404, 200);
        assertStatuses(users, "/units/89/periods/" + after + "/report", 404, 404, 404, 200);
        assertStatuses(users, "/plans/" + newPlan, 404, 404, 404, 200);
        assertStatuses(users, "/api/v1/plans/" + newPlan, 404, 404, 404, 200);
        // The old units before the merger stay with the old district and province, and through the provinces'
        // succession the new province reaches them too.
        assertStatuses(users, "/units/881/dashboard?period=" + before, 200, 404, 200, 200);
        assertStatuses(users, "/api/v1/units/881/progress?period=2024", 200, 404, 200, 200);
        assertStatuses(users, "/plans/" + oldPlan, 200, 404, 200, 200);
        assertThat(get(users.get("old province"), "/api/v1/plans").body()).contains("\"id\":" + oldPlan)
                .doesNotContain("\"id\":" + newPlan);
        assertThat(get(users.get("district of 88201"), "/api/v1/plans").body())
                .doesNotContain("\"id\":" + oldPlan, "\"id\":" + newPlan);
        assertThat(get(users.get("new province"), "/api/v1/plans").body()).contains("\"id\":" + newPlan,
                "\"id\":" + oldPlan);

        // The code 88101 holds the new commune today, but the old district's own commune's trend is its own, not
        // one combined with 88201's across the merger; the new province's is the combined one.
        assertThat(users.get("district of the old 88101").get("/communes/88101/periods/" + before).body())
                .contains("Xã Suối Một").doesNotContain("id=\"trend-merged\"");
        assertThat(users.get("old province").get("/communes/88101/periods/" + before).body())
                .doesNotContain("id=\"trend-merged\"");
        assertThat(users.get("new province").get("/communes/88101/periods/" + before).body())
                .contains("id=\"trend-merged\"");
    }

    /** A plan over the unit holding the code on the start date, with the communes holding theirs then. */
    private long plan(String scopeCode, String start, String deadline, String... communeCodes) {
        Long id = jdbc.queryForObject("""
                insert into plan (name, scope_unit_id, target_percent, target_commune_count, start_date, deadline)
                select ?, u.id, 30, 1, cast(? as date), cast(? as date) from administrative_unit u
                where u.code = ? and (u.valid_from is null or u.valid_from <= cast(? as date))
                    and (u.valid_to is null or u.valid_to >= cast(? as date))
                returning id""", Long.class, "Kế hoạch thử " + scopeCode + " " + System.nanoTime(), start, deadline,
                scopeCode, start, start);
        for (String code : communeCodes) {
            jdbc.update("""
                    insert into plan_commune (plan_id, unit_id) select ?, u.id from administrative_unit u
                    where u.code = ? and (u.valid_from is null or u.valid_from <= cast(? as date))
                        and (u.valid_to is null or u.valid_to >= cast(? as date))""", id, code, start, start);
        }
        return id;
    }

    private void assertStatuses(Map<String, WebClient> users, String path, int... expected) {
        int user = 0;
        for (Map.Entry<String, WebClient> entry : users.entrySet()) {
            assertThat(get(entry.getValue(), path).statusCode()).as("%s: %s", entry.getKey(), path)
                    .isEqualTo(expected[user++]);
        }
    }

    /** A page as a browser asks for it, or the API's JSON. */
    private static HttpResponse<String> get(WebClient user, String path) {
        return path.startsWith("/api/") ? user.get(path, "application/json") : user.get(path);
    }

    private WebClient login(Role role, String unitCode) {
        String username = TestAccounts.uniqueUsername("merged");
        accounts.save(new UserAccount(username, "Test " + username, passwordEncoder.encode(PASSWORD), role, unitCode,
                Instant.now()));
        return new WebClient(port).login(username, PASSWORD);
    }

    /**
     * A demo period, by name: other tests of the suite add periods of their own, which may hold the same days (the
     * points journey's runs from July 2025 to June 2026).
     */
    private long period(String name) {
        return jdbc.queryForObject("select id from period where name = ?", Long.class, name);
    }
}
