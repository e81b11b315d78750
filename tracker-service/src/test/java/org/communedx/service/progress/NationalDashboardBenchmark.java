package org.communedx.service.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.progress.Dashboards.Dashboard;
import org.communedx.service.testsupport.NationalData;
import org.communedx.service.unit.GsoListImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Figures for docs/performance.md, not a test: it asserts nothing and is not in the default suite (its name does
 * not end in Tests). Run it with
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=NationalDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * It loads the whole country ({@link NationalData}), then times, server side and in process, after a warm-up:
 * the national dashboard as an administrator; the one SQL aggregate that computes every commune's verified
 * completion of the period straight from the entries, as the yardstick of what a dashboard costs; and the dashboard
 * of the largest province as its provincial manager. Each round runs the three once, in turn.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class NationalDashboardBenchmark {

    private static final int WARM_UP = 10;

    private static final int ROUNDS = 40;

    /** Verified completion per assessment of the period, from criterion_entry and criterion alone. */
    static final String AGGREGATE = """
            select e.assessment_id,
                round(100 * coalesce(sum(e.points) filter (where e.status = 'APPROVED'), 0)
                    / nullif(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0), 1) as verified
            from criterion_entry e
            join criterion c on c.id = e.criterion_id
            join assessment a on a.id = e.assessment_id
            where a.period_id = ?
            group by e.assessment_id""";

    @Autowired
    Dashboards dashboards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    ProgressLedger ledger;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void nationalDashboards() {
        NationalData.Loaded data = new NationalData(jdbc, gsoImport, ledger, accounts, passwordEncoder).ensureLoaded();
        long period = data.latestPeriodId();
        String province = data.largestProvince();
        System.out.printf("BENCHMARK setup: period %d, largest province %s (%d communes), manager %s; scorecard "
                + "commune %s, staff %s%n", period, province, data.largestProvinceCommunes(), data.provinceManager(),
                data.scorecardCommune(), data.communeStaff());

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Supplier<Object>> steps = new LinkedHashMap<>();
        // Exactly what each dashboard's two requests ask the services for: the page, then its charts' series.
        steps.put("national page: Dashboards.national", () -> asAdmin(() -> dashboards.national(period, 30)));
        steps.put("national charts: Dashboards.nationalCharts",
                () -> asAdmin(() -> dashboards.nationalCharts(period, 30)));
        steps.put("aggregate SQL", () -> jdbc.sql(AGGREGATE).param(period)
                .query((rs, row) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).list());
        steps.put("province page: Dashboards.unit", () -> as(data.provinceManager(), "ROLE_PROVINCE_MANAGER",
                () -> dashboards.unit(province, period, 30)));
        steps.put("province charts: Dashboards.unitCharts", () -> as(data.provinceManager(),
                "ROLE_PROVINCE_MANAGER", () -> dashboards.unitCharts(province, period, 30)));
        steps.put("province page as admin: Dashboards.unit", () -> asAdmin(() -> dashboards.unit(province, period, 30)));

        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            for (var step : steps.entrySet()) {
                long t = System.nanoTime();
                Object result = step.getValue().get();
                double ms = (System.nanoTime() - t) / 1e6;
                if (result == null) {
                    throw new IllegalStateException(step.getKey());
                }
                if (round >= WARM_UP) {
                    millis.computeIfAbsent(step.getKey(), key -> new ArrayList<>()).add(ms);
                }
            }
        }
        describe(data, period, province);
        millis.forEach((name, values) -> System.out.printf("BENCHMARK %-44s median %7.1f ms  p95 %7.1f ms  max %7.1f ms"
                + "  (%d runs)%n", name, percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0),
                values.size()));
        double dashboard = percentile(millis.get("national page: Dashboards.national"), 0.5);
        double aggregate = percentile(millis.get("aggregate SQL"), 0.5);
        System.out.printf("BENCHMARK national page / aggregate SQL, medians: %.2fx (target <= 3x; each dashboard "
                + "request: national target <= 300 ms, province target <= 60 ms)%n", dashboard / aggregate);
    }

    /** What the dashboards returned, so that a figure is known to come from real work. */
    private void describe(NationalData.Loaded data, long period, String province) {
        Dashboard national = asAdmin(() -> dashboards.national(period, 30));
        Dashboard provincial = as(data.provinceManager(), "ROLE_PROVINCE_MANAGER",
                () -> dashboards.unit(province, period, 30));
        List<Object[]> aggregate = jdbc.sql(AGGREGATE).param(period)
                .query((rs, row) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).list();
        BigDecimal sum = aggregate.stream().map(row -> (BigDecimal) row[1]).filter(value -> value != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf("BENCHMARK national rollup: %d communes, average verified %s%%, median %s%%, %d at or above "
                + "30%%, %d provinces; trend %d months; %d plans%n", national.rollup().communeCount(),
                national.rollup().averageVerified(), national.rollup().medianVerified(),
                national.rollup().atOrAboveThreshold(), national.rollup().children().size(), national.trend().size(),
                national.plans().total());
        System.out.printf("BENCHMARK aggregate SQL: %d assessments, mean verified %.1f%%%n", aggregate.size(),
                sum.doubleValue() / aggregate.size());
        System.out.printf("BENCHMARK province %s rollup: %d communes, %d districts, average verified %s%%; "
                + "%d plans over it and under it%n", province, provincial.rollup().communeCount(),
                provincial.rollup().children().size(), provincial.rollup().averageVerified(),
                provincial.plans().total());
    }

    private static <T> T asAdmin(Supplier<T> call) {
        return as("admin", "ROLE_ADMIN", call);
    }

    private static <T> T as(String username, String role, Supplier<T> call) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, role));
        try {
            return call.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
    }
}
