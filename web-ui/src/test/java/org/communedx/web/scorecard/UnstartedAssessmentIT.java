package org.communedx.web.scorecard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.revision.DataRevision;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * A commune's period before its first write: every read shows each criterion NOT_STARTED and stores nothing, so
 * that no read moves the data's revision; the first write stores the commune's entries.
 */
@TrackerIntegrationTest
class UnstartedAssessmentIT {

    /** A year of its own, so that the progress API, which finds the period by its year, finds one without rows. */
    private static final int YEAR = 2011;

    private static final Pattern NOT_STARTED = Pattern.compile("Chưa bắt đầu");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataRevision revision;

    @Test
    void everyReadOfACommuneWithoutAnAssessmentShowsItNotStartedAndWritesNothing() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod(YEAR);
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        WebClient province = new WebClient(port).login("tinh.hoabinh", PASSWORD);
        String scorecard = "/communes/05305/periods/" + period;
        Map<String, Long> rowsBefore = rows();
        long revisionBefore = revision.current();

        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("scorecard", staff.get(scorecard));
        pages.put("explanation", staff.get(scorecard + "/explain"));
        pages.put("group's explanation", staff.get(scorecard + "/explain?group=G2"));
        pages.put("criterion's page", staff.get(EntryPages.criterion("05305", period, "G1.C1")));
        pages.put("criterion's page for its reviewer", reviewer.get(EntryPages.criterion("05305", period, "G2.C4")));
        pages.put("report", province.get(scorecard + "/report"));
        pages.put("scorecard for its reviewer", reviewer.get(scorecard));
        HttpResponse<String> api = staff.get("/api/v1/units/05305/progress?period=" + YEAR, "application/json");
        HttpResponse<byte[]> csv = province.download(scorecard + "/export.csv");
        HttpResponse<byte[]> xlsx = province.download(scorecard + "/export.xlsx");
        HttpResponse<byte[]> pdf = province.download(scorecard + "/report.pdf");
        HttpResponse<String> dashboard = reviewer.get("/units/157/dashboard?period=" + period);
        HttpResponse<byte[]> rollup = province.download("/units/157/periods/" + period + "/rollup.csv");
        HttpResponse<String> queue = reviewer.get("/reviews?period=" + period);

        pages.forEach((name, page) -> {
            assertThat(page.statusCode()).as(name).isEqualTo(200);
            assertThat(page.body()).as(name).contains("Chưa bắt đầu").doesNotContain("Đang soạn");
        });
        assertThat(NOT_STARTED.matcher(pages.get("scorecard").body()).results()).as("each of the 4 criteria")
                .hasSize(4);
        assertThat(pages.get("scorecard").body()).contains("Chưa nhập");
        assertThat(pages.get("criterion's page").body()).as("the staff may make the first write there")
                .contains("action=\"" + EntryPages.criterion("05305", period, "G1.C1") + "/value\"")
                .doesNotContain("action=\"/entries/");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"unitCode\":\"05305\"", "\"verifiedPercent\":0.0")
                .doesNotContain("\"status\":\"DRAFT\"");
        assertThat(Pattern.compile("\"status\":\"NOT_STARTED\",\"value\":null").matcher(api.body()).results())
                .hasSize(4);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(NOT_STARTED.matcher(new String(csv.body(), StandardCharsets.UTF_8)).results()).hasSize(4);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(rollup.statusCode()).isEqualTo(200);
        assertThat(queue.statusCode()).isEqualTo(200);

        assertThat(rows()).as("no assessment or entry stored").isEqualTo(rowsBefore);
        assertThat(revision.current()).as("the data's revision unmoved").isEqualTo(revisionBefore);
    }

    @Test
    void theFirstWriteAtACriterionsAddressStoresTheCommunesEntries() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long revisionBefore = revision.current();

        long entry = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");

        assertThat(jdbc.sql("select count(*) from assessment where period_id = ?").param(period).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select e.status from criterion_entry e join assessment a on a.id = e.assessment_id
                join criterion c on c.id = e.criterion_id where a.period_id = ? order by c.code""").param(period)
                .query(String.class).list()).as("one entry per criterion, the one written to a draft")
                .containsExactly("NOT_STARTED", "DRAFT", "NOT_STARTED", "NOT_STARTED");
        assertThat(revision.current()).as("the write moved the data's revision").isGreaterThan(revisionBefore);
        String page = staff.get("/entries/" + entry).body();
        assertThat(page).contains("Mức 3", "Đang soạn");
        assertThat(staff.get("/communes/05305/periods/" + period).body()).contains("Mức 3", "Đang soạn");
    }

    private Map<String, Long> rows() {
        return Map.of("assessment", count("assessment"), "criterion_entry", count("criterion_entry"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
