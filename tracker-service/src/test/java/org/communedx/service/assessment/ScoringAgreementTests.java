package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.service.ServiceTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring rule is written once, in Java ({@link ScoringRule}); the summary rows sum what each entry keeps of it
 * in SQL. Over thousands of generated entries, of every measurement type, comparison and rule, in every workflow
 * status, the rows {@link ProgressLedger} writes must be exactly what {@link Completion} computes from the same
 * entries, overall and per group, points and percentages alike.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class ScoringAgreementTests {

    private static final int COMMUNES = 90;

    private static final int PERIODS = 2;

    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    AssessmentRepository assessments;

    @Autowired
    ProgressLedger ledger;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeWhatTheTestMade() {
        transaction.executeWithoutResult(status -> {
            String ofFramework = "select p.id from period p join framework f on f.id = p.framework_id"
                    + " where f.code = 'TEST-SCORE'";
            jdbc.update("delete from assessment where period_id in (" + ofFramework + ")");
            jdbc.update("delete from period where id in (" + ofFramework + ")");
            jdbc.update("delete from framework where code = 'TEST-SCORE'");
            jdbc.update("delete from administrative_unit where code like '93___'");
            jdbc.update("delete from administrative_unit where code = '93'");
        });
    }

    @Test
    void theSummaryRowsAreWhatTheJavaRuleAndAggregationGiveForThousandsOfRandomEntries() {
        Random random = new Random(15);
        Map<Long, Completion.Result> expected = new HashMap<>();
        List<Long> periodIds = new ArrayList<>();
        int[] entryCount = { 0 };
        transaction.executeWithoutResult(status -> {
            Framework framework = frameworks.save(randomFramework(random));
            AdministrativeUnit province = units.save(AdministrativeUnit.province("93", "Tỉnh Điểm", UnitType.TINH,
                    null));
            List<AdministrativeUnit> communes = new ArrayList<>();
            for (int i = 1; i <= COMMUNES; i++) {
                communes.add(units.save(AdministrativeUnit.within(province, UnitLevel.COMMUNE,
                        "93%03d".formatted(i), "Xã Điểm " + i, UnitType.XA, null)));
            }
            for (int p = 0; p < PERIODS; p++) {
                Period period = periods.save(new Period(new PeriodTerms("Điểm " + p + " " + System.nanoTime(),
                        2026, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 15)),
                        framework));
                periodIds.add(period.getId());
                for (AdministrativeUnit commune : communes) {
                    Assessment assessment = Assessment.open(commune, period, NOW);
                    for (CriterionEntry entry : assessment.getEntries()) {
                        play(entry, random);
                        entryCount[0]++;
                    }
                    assessments.save(assessment);
                }
            }
            assessments.flush();
            for (Assessment assessment : assessments.findAll()) {
                if (periodIds.contains(assessment.getPeriod().getId())) {
                    expected.put(assessment.getId(), Completion.of(assessment.getEntries().stream()
                            .map(ScoringAgreementTests::item).toList()));
                }
            }
        });
        periodIds.forEach(period -> ledger.rebuildPeriod(period, LocalDate.of(2026, 6, 1)));

        assertThat(entryCount[0]).isGreaterThan(4000);
        assertThat(expected).hasSize(COMMUNES * PERIODS);
        assertThat(jdbc.queryForObject("""
                select count(distinct e.points) from criterion_entry e join assessment a on a.id = e.assessment_id
                join period p on p.id = a.period_id join framework f on f.id = p.framework_id
                where f.code = 'TEST-SCORE'""", Integer.class)).as("partial credit of many sizes was given")
                .isGreaterThan(100);
        for (Map<String, Object> row : jdbc.queryForList("""
                select assessment_id, applicable_weight, verified_weight, claimed_weight, verified_percent,
                    claimed_percent from assessment_progress
                where period_id in (select p.id from period p join framework f on f.id = p.framework_id
                    where f.code = 'TEST-SCORE')""")) {
            Completion.Result result = expected.get(((Number) row.get("assessment_id")).longValue());
            assertSame(row, result.overall(), result.overallScore());
        }
        List<Map<String, Object>> groupRows = jdbc.queryForList("""
                select g.assessment_id, g.group_code, g.applicable_weight, g.verified_weight, g.claimed_weight,
                    g.verified_percent, g.claimed_percent
                from assessment_group_progress g join assessment_progress p on p.assessment_id = g.assessment_id
                where p.period_id in (select p.id from period p join framework f on f.id = p.framework_id
                    where f.code = 'TEST-SCORE')""");
        assertThat(groupRows).hasSize(COMMUNES * PERIODS * MeasurementType.values().length);
        for (Map<String, Object> row : groupRows) {
            Completion.Result result = expected.get(((Number) row.get("assessment_id")).longValue());
            String group = (String) row.get("group_code");
            assertSame(row, result.byGroup().get(group), result.groupScores().get(group));
        }
    }

    private static void assertSame(Map<String, Object> row, Completion.Percentages percentages,
            Completion.Score score) {
        assertThat((BigDecimal) row.get("applicable_weight")).as("maximum %s", row)
                .isEqualByComparingTo(score.maximum());
        assertThat((BigDecimal) row.get("verified_weight")).as("verified points %s", row)
                .isEqualByComparingTo(score.verified());
        assertThat((BigDecimal) row.get("claimed_weight")).as("claimed points %s", row)
                .isEqualByComparingTo(score.claimed());
        assertPercent((BigDecimal) row.get("verified_percent"), score.verified(), score.maximum(),
                percentages.verified(), row);
        assertPercent((BigDecimal) row.get("claimed_percent"), score.claimed(), score.maximum(),
                percentages.claimed(), row);
    }

    /** Kept unrounded, and shown as the scorecard shows it. */
    private static void assertPercent(BigDecimal stored, BigDecimal points, BigDecimal maximum, BigDecimal shown,
            Map<String, Object> row) {
        if (shown == null) {
            assertThat(stored).as("no percentage %s", row).isNull();
        }
        else {
            assertThat(stored).as("percentage kept %s", row)
                    .isEqualByComparingTo(Completion.keptPercent(points, maximum));
            assertThat(Completion.shown(stored)).as("percentage shown %s", row).isEqualByComparingTo(shown);
        }
    }

    private static Completion.Item item(CriterionEntry entry) {
        Criterion criterion = entry.getCriterion();
        assertThat(entry.getPoints()).as("the entry keeps what the rule gives")
                .isEqualTo(criterion.pointsFor(entry.value() == null ? null : entry.value().measure()));
        return new Completion.Item(criterion.getCode(), criterion.getGroup().getCode(), criterion.getWeight(),
                entry.getStatus(), entry.isMet(), entry.getPoints());
    }

    /** One group per measurement type, with a criterion for each comparison and rule that fits the type. */
    private static Framework randomFramework(Random random) {
        Framework framework = Framework.draft("TEST-SCORE", "1", new LocalizedText("Điểm", "Points"));
        framework.changeScoreSettings(new ScoreSettings(ScoreDisplay.POINTS, 2, null));
        for (MeasurementType type : MeasurementType.values()) {
            CriterionGroup group = framework.addGroup("G-" + type, new LocalizedText(type.name(), type.name()));
            int n = 0;
            for (Comparison comparison : Comparison.values()) {
                for (ScoringRule rule : rules(type, random)) {
                    for (int copy = 0; copy < 2; copy++) {
                        BigDecimal maximum = BigDecimal.valueOf(50 + random.nextInt(20_000), 2);
                        group.addCriterion(new CriterionDefinition(type + ".C" + (++n), new LocalizedText("c", "c"),
                                null, type, target(type, random), comparison, null, maximum, cap(rule, maximum), null,
                                false));
                    }
                }
            }
        }
        framework.publish(NOW);
        assertThat(framework.problems()).isEmpty();
        return framework;
    }

    private static List<ScoringRule> rules(MeasurementType type, Random random) {
        List<ScoringRule> rules = new ArrayList<>(List.of(ScoringRule.ALL_OR_NOTHING, ScoringRule.PROPORTIONAL));
        BigDecimal top = switch (type) {
            case PERCENT -> BigDecimal.valueOf(100);
            case BOOLEAN -> BigDecimal.ONE;
            case LEVEL -> BigDecimal.valueOf(3);
            case COUNT -> BigDecimal.valueOf(40);
        };
        List<ScoreStep> steps = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        int bands = 1 + random.nextInt(4);
        for (int i = 0; i < bands; i++) {
            BigDecimal to = i == bands - 1 ? null
                    : from.add(top.multiply(BigDecimal.valueOf(1 + random.nextInt(30), 2)))
                            .setScale(type == MeasurementType.PERCENT ? 2 : 0, java.math.RoundingMode.CEILING);
            steps.add(new ScoreStep(from, to, BigDecimal.valueOf(random.nextInt(1_000), 2)));
            from = to;
        }
        rules.add(ScoringRule.steps(steps));
        if (type == MeasurementType.LEVEL) {
            rules.add(ScoringRule.levels(BigDecimal.ZERO, BigDecimal.valueOf(random.nextInt(300), 2),
                    BigDecimal.valueOf(random.nextInt(300), 2), BigDecimal.valueOf(random.nextInt(500), 2)));
        }
        return rules;
    }

    /** The rule with no band worth more than the criterion's maximum, which publishing would refuse. */
    private static ScoringRule cap(ScoringRule rule, BigDecimal maximum) {
        return new ScoringRule(rule.method(), rule.steps().stream().map(step -> new ScoreStep(step.from(), step.to(),
                step.points().min(maximum))).toList());
    }

    private static BigDecimal target(MeasurementType type, Random random) {
        return switch (type) {
            case PERCENT -> BigDecimal.valueOf(random.nextInt(10_001), 2);
            case BOOLEAN -> BigDecimal.valueOf(random.nextInt(2));
            case LEVEL -> BigDecimal.valueOf(random.nextInt(4));
            case COUNT -> BigDecimal.valueOf(random.nextInt(30));
        };
    }

    /** A random value, then a random stretch of the workflow: every status is reached. */
    private static void play(CriterionEntry entry, Random random) {
        int path = random.nextInt(8);
        if (path == 0) {
            return;
        }
        if (path == 1) {
            entry.requestNotApplicable("Không có", "xa", NOW);
            if (random.nextBoolean()) {
                entry.approveNotApplicable("huyen", NOW);
            }
            return;
        }
        entry.saveValue(value(entry.getCriterion().getType(), random), null, "xa", NOW);
        if (path == 2) {
            return;
        }
        entry.submit(1, "xa", NOW);
        if (path == 3 || path == 4) {
            return;
        }
        if (path == 5) {
            entry.returnWithReason("Bổ sung", "huyen", NOW);
            return;
        }
        entry.approve("huyen", NOW);
    }

    private static EntryValue value(MeasurementType type, Random random) {
        return switch (type) {
            case PERCENT -> {
                int denominator = 1 + random.nextInt(700);
                yield new EntryValue.Percent(random.nextInt(denominator + 1), denominator);
            }
            case COUNT -> new EntryValue.Count(random.nextInt(50));
            case LEVEL -> new EntryValue.Level(random.nextInt(4));
            case BOOLEAN -> new EntryValue.YesNo(random.nextBoolean());
        };
    }
}
