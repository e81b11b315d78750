package org.communedx.service.suggestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.suggestion.SuggestedValues.Outcome;
import org.communedx.service.suggestion.SuggestedValues.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Figures for docs/performance.md, not a test: it asserts nothing and is not in the default suite (its name does not
 * end in Tests). Run it with
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=SystemSubmissionsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dbench.communes=N} (900 by default, at most 999).
 * <p>
 * A province of that many communes, none of which has begun the period, receives one request of suggested values
 * for two criteria of a framework of 27, as many as DX-XA's, whose first is automatic: every commune's assessment
 * is created, 27 entries, and its automatic entry submitted to the reviewers ({@code SystemSubmissions}). It prints the time of the call. The
 * province (98) and the year (2002) are this benchmark's alone.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class SystemSubmissionsBenchmark {

    @Autowired
    SuggestedValues suggestedValues;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private long period;

    @AfterEach
    void removeTheProvince() {
        SecurityContextHolder.clearContext();
        jdbc.update("delete from suggested_value where period_id = ?", period);
        jdbc.update("delete from assessment where period_id = ?", period);
        jdbc.update("delete from period where id = ?", period);
        jdbc.update("delete from administrative_unit where code like '98___'");
        jdbc.update("delete from administrative_unit where code = '98'");
    }

    @Test
    void pushAProvinceWithAnAutomaticCriterion() {
        int communes = Integer.getInteger("bench.communes", 900);
        jdbc.update("""
                insert into administrative_unit (code, name, search_name, level, unit_type, valid_from, valid_to)
                values ('98', 'Tỉnh Đo', 'tinh do', 'PROVINCE', 'TINH', '2002-01-01', '2002-12-31')""");
        long province = jdbc.queryForObject("select id from administrative_unit where code = '98'", Long.class);
        List<Object[]> units = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < communes; i++) {
            String code = "98" + String.format("%03d", i);
            units.add(new Object[] { code, "Xã Đo " + i, "xa do " + i, province });
            suggestions.add(new Suggestion(code, "G1.C1", (i % 21) + "/20", null, null));
            suggestions.add(new Suggestion(code, "G1.C2", String.valueOf(i % 7), null, null));
        }
        jdbc.batchUpdate("""
                insert into administrative_unit (code, name, search_name, level, unit_type, parent_id, valid_from,
                    valid_to) values (?, ?, ?, 'COMMUNE', 'XA', ?, '2002-01-01', '2002-12-31')""", units);
        period = transaction.execute(status -> {
            Framework framework = frameworks.findByCodeAndVersion("BENCH-AUTO", "1.0").orElseGet(() -> {
                Framework draft = Framework.draft("BENCH-AUTO", "1.0", new LocalizedText("Đo", "Bench"));
                CriterionGroup group = draft.addGroup("G1", new LocalizedText("Nhóm", "Group"));
                group.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, true));
                for (int c = 2; c <= 27; c++) {
                    group.addCriterion(criterion("G1.C" + c, MeasurementType.COUNT, false));
                }
                draft.publish(Instant.parse("2002-01-01T00:00:00Z"));
                return frameworks.save(draft);
            });
            return periods.save(new Period(new PeriodTerms("Đo đề xuất " + System.nanoTime(), 2002,
                    LocalDate.of(2002, 1, 1), LocalDate.of(2002, 12, 31), LocalDate.now().plusYears(1)), framework))
                    .getId();
        });
        loginAs("admin", Role.ADMIN);

        long start = System.nanoTime();
        Outcome outcome = suggestedValues.put(period, suggestions, "Đo");
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("System submissions benchmark: %d communes, %d suggestions, %d submitted in %.1f s"
                + " (%.1f ms a commune)%n", communes, outcome.received(), outcome.submitted(), seconds,
                seconds * 1000 / communes);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, boolean automatic) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type,
                BigDecimal.valueOf(type == MeasurementType.PERCENT ? 80 : 3), Comparison.AT_LEAST, null,
                BigDecimal.ONE, ScoringRule.ALL_OR_NOTHING, null, false, automatic);
    }
}
