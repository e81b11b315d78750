package org.communedx.web.scorecard;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * From the scorecard they land on, commune staff reach their commune's other periods with a GET form that works
 * without script: for the new Xã Yên Phú of the 2025 reform, the old Yên Phú's periods under the same code. The
 * choices are exactly the periods the scorecard itself opens on for the caller.
 */
@TrackerIntegrationTest
class ScorecardPeriodSwitchIT {

    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]+)</option>");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Test
    void communeStaffSwitchFromTheCurrentPeriodToTheirCommunesHistoryNewestFirst() {
        long year2026 = period("Năm 2026");
        long year2024 = period("Năm 2024");
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        String current = "/communes/05305/periods/" + year2026;

        String page = staff.get(current).body();
        assertThat(page).contains("<form method=\"get\" id=\"period-switcher\"", "action=\"" + current + "\"",
                "<label for=\"period\" class=\"form-label\">Kỳ đánh giá</label>",
                "<select id=\"period\" name=\"period\"", "<option value=\"" + year2026 + "\" selected=\"selected\">");
        List<String> years = demoYears(switcher(page));
        assertThat(years).as("every year of the demo, the old Yên Phú's included, newest first")
                .containsExactly("Năm 2026", "Năm 2025", "Năm 2024", "Năm 2023");

        HttpResponse<String> chosen = staff.get(current + "?period=" + year2024);
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/communes/05305/periods/" + year2024));
        String history = staff.get("/communes/05305/periods/" + year2024).body();
        assertThat(history).contains("Bảng điểm Xã Yên Phú — Năm 2024", "id=\"trend-merged\"",
                "<option value=\"" + year2024 + "\" selected=\"selected\">");
    }

    @Test
    void theEndedDistrictIsOfferedOnlyThePeriodsItsOldCommuneHad() {
        long year2026 = period("Năm 2026");
        long year2024 = period("Năm 2024");
        WebClient district = new WebClient(port).login("huyen.lacson", PASSWORD);

        String page = district.get("/communes/05305/periods/" + year2024).body();
        assertThat(demoYears(switcher(page))).as("the new Yên Phú of 2026 is the province's")
                .containsExactly("Năm 2025", "Năm 2024", "Năm 2023");

        HttpResponse<String> guessed = district.get("/communes/05305/periods/" + year2024 + "?period=" + year2026);
        assertThat(guessed.statusCode()).isEqualTo(302);
        assertThat(district.get("/communes/05305/periods/" + year2026).statusCode()).isEqualTo(404);
    }

    private long period(String name) {
        return periods.findByName(name).orElseThrow().getId();
    }

    private static String switcher(String page) {
        int start = page.indexOf("id=\"period-switcher\"");
        assertThat(start).as("the period switcher").isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    /** The demo's yearly periods among the choices, in their order (other tests add periods of their own). */
    private static List<String> demoYears(String switcher) {
        List<String> years = new ArrayList<>();
        Matcher option = OPTION.matcher(switcher);
        while (option.find()) {
            if (option.group(2).matches("Năm 20\\d\\d")) {
                years.add(option.group(2));
            }
        }
        return years;
    }
}
