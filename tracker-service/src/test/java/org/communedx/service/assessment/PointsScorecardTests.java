package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.period.PlanTerms;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.Scorecards.CompletionExplanation;
import org.communedx.service.assessment.Scorecards.ExplainedCriterion;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.PlanTrackers;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * A points framework end to end through the services: values entered, submitted and approved earn their rule's
 * points, and the scorecard, the explanation and the province's ranking show those points out of the maximum.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class PointsScorecardTests {

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    Scorecards scorecards;

    @Autowired
    Rollups rollups;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlanRepository plans;

    @Autowired
    PlanTrackers trackers;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    @BeforeEach
    void aPointsFrameworkAndAPeriodOnIt() {
        fixtures.ensure();
        period = transaction.execute(status -> {
            Framework framework = Framework.draft("TEST-PTS", "1", new LocalizedText("Điểm", "Points"));
            framework.changeScoreSettings(new ScoreSettings(ScoreDisplay.POINTS, 2, new BigDecimal("100")));
            CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm", "Group"));
            group.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, "80", "40", ScoringRule.PROPORTIONAL));
            group.addCriterion(criterion("G1.C2", MeasurementType.PERCENT, "100", "35", ScoringRule.steps(List.of(
                    new ScoreStep(BigDecimal.ZERO, new BigDecimal("50"), BigDecimal.ZERO),
                    new ScoreStep(new BigDecimal("50"), new BigDecimal("80"), new BigDecimal("12.5")),
                    new ScoreStep(new BigDecimal("80"), null, new BigDecimal("35"))))));
            group.addCriterion(criterion("G1.C3", MeasurementType.LEVEL, "3", "25",
                    ScoringRule.levels(BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("12"),
                            new BigDecimal("25"))));
            framework.publish(Instant.parse("2026-01-01T00:00:00Z"));
            frameworks.save(framework);
            LocalDate today = LocalDate.now(ProgressLedger.VIETNAM);
            return periods.save(new Period(new PeriodTerms("Điểm " + System.nanoTime(), today.getYear(),
                    today.minusDays(30), today.plusDays(60), today.plusDays(60)), framework)).getId();
        });
    }

    @AfterEach
    void removeIt() {
        SecurityContextHolder.clearContext();
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from plan where name = 'Kế hoạch điểm'");
            jdbc.update("delete from assessment where period_id = ?", period);
            jdbc.update("delete from period where id = ?", period);
            jdbc.update("delete from framework where code = 'TEST-PTS'");
        });
        fixtures.remove();
    }

    @Test
    void theScorecardExplanationAndRankingShowThePointsEachRuleGives() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> entries = workflow.open("96101", period).entries();
        approve(entries.get(0), new EntryValue.Percent(19, 25));   // 76% of a target of 80: 40 × 76 / 80 = 38
        approve(entries.get(1), new EntryValue.Percent(3, 5));     // 60%: the step 50..80, 12.5
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView level = workflow.open("96101", period).entries().get(2);
        workflow.submit(level.id(), workflow.saveValue(level.id(), level.version(), new EntryValue.Level(2), null)
                .version());                                          // level 2: 12, claimed only

        Scorecard card = scorecards.scorecard("96101", period);
        assertThat(card.scoreSettings().display()).isEqualTo(ScoreDisplay.POINTS);
        assertThat(card.score().verified()).isEqualByComparingTo("50.50");
        assertThat(card.score().claimed()).isEqualByComparingTo("62.50");
        assertThat(card.score().maximum()).isEqualByComparingTo("100");
        assertThat(card.overall().verified()).isEqualByComparingTo("50.5");
        assertThat(card.groups().get(0).criteria()).extracting(row -> row.code(), row -> row.points(),
                row -> row.maximum()).containsExactly(tuple("G1.C1", new BigDecimal("38.00"), new BigDecimal("40.00")),
                        tuple("G1.C2", new BigDecimal("12.50"), new BigDecimal("35.00")),
                        tuple("G1.C3", new BigDecimal("12.00"), new BigDecimal("25.00")));

        CompletionExplanation explanation = scorecards.explain("96101", period, null);
        assertThat(explanation.criteria()).extracting(ExplainedCriterion::code, ExplainedCriterion::scoring,
                row -> row.step() == null ? null : ScoringRule.band(row.scoring(), row.step()),
                ExplainedCriterion::verified).containsExactly(
                        tuple("G1.C1", ScoringMethod.PROPORTIONAL, null, Completion.Reason.COUNTS),
                        tuple("G1.C2", ScoringMethod.STEPS, "50..80", Completion.Reason.COUNTS),
                        tuple("G1.C3", ScoringMethod.LEVELS, "2", Completion.Reason.NOT_APPROVED));
        assertThat(explanation.verifiedWeight()).isEqualByComparingTo(card.score().verified());

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        CommuneFigure first = rollups.rollup("96", period).ranking().get(0);
        assertThat(first.code()).isEqualTo("96101");
        assertThat(first.score()).isEqualByComparingTo("50.50");
        assertThat(first.maxScore()).isEqualByComparingTo("100");
        assertThat(rollups.rollup("96", period).ranking()).filteredOn(figure -> !figure.code().equals("96101"))
                .allSatisfy(figure -> assertThat(figure.maxScore()).as("nothing written: every criterion applies")
                        .isEqualByComparingTo("100"));
    }

    @Test
    void rollupsAndPlansGiveTheirFiguresInPointsBesideThePercentages() {
        LocalDate today = LocalDate.now(ProgressLedger.VIETNAM);
        transaction.executeWithoutResult(status -> plans.save(new Plan(new PlanTerms("Kế hoạch điểm", 40, 1,
                today.minusDays(10), today.plusDays(50)), units.findByCodeValidOn("96", today).orElseThrow(),
                List.of(units.findByCodeValidOn("96101", today).orElseThrow()), List.of())));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> entries = workflow.open("96101", period).entries();
        approve(entries.get(0), new EntryValue.Percent(19, 25));   // 38
        approve(entries.get(1), new EntryValue.Percent(3, 5));     // 12.5
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView level = workflow.open("96101", period).entries().get(2);
        workflow.submit(level.id(), workflow.saveValue(level.id(), level.version(), new EntryValue.Level(2), null)
                .version());                                          // 12, claimed only

        assertThat(scorecards.scorecard("96101", period).plans().get(0).targetScore()).as("40% of 100 points")
                .isEqualByComparingTo("40.00");

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        Rollup rollup = rollups.rollup("96", period);
        // Three communes: 96101 with 50.50 verified and 62.50 claimed, 96102 and 96201 with nothing.
        assertThat(rollup.communeCount()).isEqualTo(3);
        assertThat(rollup.maxScore()).isEqualByComparingTo("100");
        assertThat(rollup.averageScore()).isEqualByComparingTo("16.83");
        assertThat(rollup.averageClaimedScore()).isEqualByComparingTo("20.83");
        assertThat(rollup.medianScore()).isEqualByComparingTo("0");
        assertThat(rollup.scoreAt(rollup.threshold())).isEqualByComparingTo("30.00");
        assertThat(rollup.ranking().get(0).claimedScore()).isEqualByComparingTo("62.50");
        assertThat(rollup.groups()).singleElement().satisfies(group -> {
            assertThat(group.averageScore()).isEqualByComparingTo("16.83");
            assertThat(group.maxScore()).isEqualByComparingTo("100");
        });
        assertThat(rollup.children()).filteredOn(child -> child.code().equals("961")).singleElement()
                .satisfies(child -> assertThat(child.averageScore()).as("96101 and 96102").isEqualByComparingTo("25.25"));

        PlanTracker plan = trackers.plansOverCommunes(period, Set.of("96101")).stream().filter(found -> found.name().equals("Kế hoạch điểm"))
                .findFirst().orElseThrow();
        assertThat(plan.scoreSettings().points()).isTrue();
        assertThat(plan.maxScore()).isEqualByComparingTo("100");
        assertThat(plan.targetScore()).isEqualByComparingTo("40.00");
        assertThat(plan.communes()).singleElement().satisfies(commune -> {
            assertThat(commune.score()).isEqualByComparingTo("50.50");
            assertThat(commune.maxScore()).isEqualByComparingTo("100");
            assertThat(commune.atTarget()).isTrue();
        });
    }

    private void approve(EntryView entry, EntryValue value) {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView submitted = workflow.submit(entry.id(), workflow.saveValue(entry.id(), entry.version(), value, null)
                .version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approve(entry.id(), submitted.version());
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, String target, String maximum,
            ScoringRule rule) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, new BigDecimal(target),
                Comparison.AT_LEAST, null, new BigDecimal(maximum), rule, null, false);
    }
}
