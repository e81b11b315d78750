package org.communedx.service.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.communedx.model.assessment.EntryValue;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.period.PlanTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.Scorecards.CompletionExplanation;
import org.communedx.service.assessment.Scorecards.ExplainedCriterion;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.progress.ProgressViews.ChildFigure;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.PlanCommune;
import org.communedx.service.progress.ProgressViews.PlanStatus;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.ProgressViews.TrendPoint;
import org.communedx.service.scope.OutOfScopeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Summary rows, rollups, trends and plan trackers over the workflow fixtures' province 96 (district 961 with
 * communes 96101 and 96102; commune 96201 directly under the province), in a period that contains today. In each
 * test, 96101 has one of its two criteria approved and met (50%), 96102 one submitted (claimed 50%), 96201 nothing.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class ProgressTests {

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    Scorecards scorecards;

    @Autowired
    Rollups rollups;

    @Autowired
    PlanTrackers planTrackers;

    @Autowired
    Dashboards dashboards;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    PlanRepository plans;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.communedx.service.assessment.ProgressLedger ledger;

    long period;

    final LocalDate today = LocalDate.now(org.communedx.service.assessment.ProgressLedger.VIETNAM);

    @BeforeEach
    void approveOneSubmitAnother() {
        fixtures.ensure();
        period = fixtures.newPeriod(today.minusDays(100), today.plusDays(60));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView approved = workflow.open("96101", period).entries().get(1);
        EntryView saved = workflow.saveValue(approved.id(), approved.version(), new EntryValue.Percent(17, 20), null);
        EntryView submitted = workflow.submit(approved.id(), saved.version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approve(approved.id(), submitted.version());

        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        EntryView claimed = workflow.open("96102", period).entries().get(0);
        workflow.submit(claimed.id(), workflow.saveValue(claimed.id(), claimed.version(), new EntryValue.Level(3),
                null).version());
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    /**
     * A second round added over the last months of a year, holding the plan's deadline too, leaves the year's plan on
     * the year's period: it had moved to the newer one and counted its communes from nothing.
     */
    @Test
    void aPlanIsJudgedOnThePeriodCoveringMostOfItsDays() {
        long year = fixtures.newPeriod(LocalDate.of(2091, 1, 1), LocalDate.of(2091, 12, 31));
        long secondRound = fixtures.newPeriod(LocalDate.of(2091, 7, 1), LocalDate.of(2091, 12, 31));

        assertThat(ledger.scoringPeriodOf(LocalDate.of(2091, 1, 1), LocalDate.of(2091, 12, 31))).contains(year);
        assertThat(ledger.scoringPeriodOf(LocalDate.of(2091, 8, 1), LocalDate.of(2091, 12, 31)))
                .as("a plan of the second round's months alone: both cover them, the later one is taken")
                .contains(secondRound);

        long sameDates = fixtures.newPeriod(LocalDate.of(2091, 1, 1), LocalDate.of(2091, 12, 31));
        assertThat(ledger.scoringPeriodOf(LocalDate.of(2091, 1, 1), LocalDate.of(2091, 12, 31)))
                .as("a period added later over the same dates leaves the plan where its figures are")
                .contains(year).isNotEqualTo(Optional.of(sameDates));
    }

    @Test
    void summaryRowsAgreeWithTheScorecardAfterEveryMove() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        Scorecards.Scorecard card = scorecards.scorecard("96101", period);
        Map<String, Object> row = jdbc.queryForMap("""
                select p.verified_percent, p.claimed_percent, g.verified_percent as group_verified
                from assessment_progress p join assessment a on a.id = p.assessment_id
                join administrative_unit u on u.id = a.unit_id
                join assessment_group_progress g on g.assessment_id = p.assessment_id
                where u.code = '96101' and a.period_id = ?""", period);

        assertThat(card.overall().verified()).isEqualByComparingTo("50.0");
        assertThat(Completion.shown((BigDecimal) row.get("verified_percent")))
                .isEqualByComparingTo(card.overall().verified());
        assertThat(Completion.shown((BigDecimal) row.get("claimed_percent")))
                .isEqualByComparingTo(card.overall().claimed());
        assertThat(Completion.shown((BigDecimal) row.get("group_verified")))
                .isEqualByComparingTo(card.groups().get(0).completion().verified());
        assertThat(jdbc.queryForObject("""
                select sum(h.verified_change) from assessment_progress_history h
                join assessment a on a.id = h.assessment_id where a.period_id = ?""", BigDecimal.class, period))
                .as("the history's changes add up to today's figures").isEqualByComparingTo("50.0");
    }

    @Test
    void theExplanationAddsUpToThePercentage() {
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        CompletionExplanation explanation = scorecards.explain("96102", period, null);

        assertThat(explanation.criteria()).extracting(ExplainedCriterion::code, ExplainedCriterion::verified,
                ExplainedCriterion::claimed).containsExactly(
                        tuple("G1.C1", Completion.Reason.NOT_APPROVED, Completion.Reason.COUNTS),
                        tuple("G1.C2", Completion.Reason.NOT_MET, Completion.Reason.NOT_MET));
        assertThat(Completion.percent(explanation.claimedWeight(), explanation.applicableWeight()))
                .isEqualByComparingTo(explanation.percentages().claimed()).isEqualByComparingTo("50.0");
        assertThat(explanation.percentages().verified()).isEqualByComparingTo("0.0");
    }

    @Test
    void aProvinceRollupCountsEveryCommuneRanksThemAndAveragesByDistrictAndGroup() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        Rollup rollup = rollups.rollup("96", period, 30, Rollups.Detail.COMMUNES_BY_GROUP);

        assertThat(rollup.communeCount()).isEqualTo(3);
        assertThat(rollup.averageVerified()).isEqualByComparingTo("16.7");
        assertThat(rollup.averageClaimed()).isEqualByComparingTo("33.3");
        assertThat(rollup.medianVerified()).isEqualByComparingTo("0.0");
        assertThat(rollup.atOrAboveThreshold()).isEqualTo(1);
        assertThat(rollup.ranking()).extracting(CommuneFigure::rank, CommuneFigure::code)
                .containsExactly(tuple(1, "96101"), tuple(2, "96102"), tuple(null, "96201"));
        assertThat(rollup.ranking().get(0).groupVerified()).containsEntry("G1", new BigDecimal("50.0"));
        assertThat(rollup.distribution().get(5).communes()).isEqualTo(1);
        assertThat(rollup.distribution().get(0).communes()).isEqualTo(2);
        assertThat(rollup.children()).singleElement().satisfies(district -> {
            assertThat(district.code()).isEqualTo("961");
            assertThat(district.communeCount()).isEqualTo(2);
            assertThat(district.averageVerified()).isEqualByComparingTo("25.0");
        });
        assertThat(rollup.groups()).singleElement().satisfies(group ->
                assertThat(group.averageVerified()).isEqualByComparingTo("16.7"));
    }

    /** A group none of whose criteria apply to a commune has no figure in the rollup, not 0%, as on its scorecard. */
    @Test
    void aGroupThatDoesNotApplyHasNoFigure() {
        loginAs("t.xa96201", Role.COMMUNE_STAFF);
        List<Long> requested = workflow.open("96201", period).entries().stream().map(entry -> workflow
                .requestNotApplicable(entry.id(), entry.version(), "Không có trên địa bàn").id()).toList();
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        requested.forEach(id -> workflow.approveNotApplicable(id, workflow.entry(id).version()));

        Rollup rollup = rollups.rollup("96", period, 30, Rollups.Detail.COMMUNES_BY_GROUP);
        assertThat(rollup.ranking()).filteredOn(commune -> commune.code().equals("96201")).singleElement()
                .satisfies(commune -> assertThat(commune.groupVerified()).containsEntry("G1", null));
        assertThat(rollup.groups()).singleElement().as("the group's average over the two communes it applies to")
                .satisfies(group -> assertThat(group.averageVerified()).isEqualByComparingTo("25.0"));
    }

    /**
     * 399.95 points of 1,000 are 39.995%, shown as 40,0%, but short of a 40% threshold and of a plan's 40% target, as
     * they are short of a class from 400 points: the figure is held to them unrounded.
     */
    @Test
    void aFigureJustShortOfATargetDoesNotReachIt() {
        jdbc.update("""
                update assessment_progress set applicable_weight = 1000, verified_weight = 399.95,
                    verified_percent = 39.995
                where assessment_id = (select a.id from assessment a join administrative_unit u on u.id = a.unit_id
                    where u.code = '96101' and a.period_id = ?)""", period);
        jdbc.update("""
                update assessment_progress_history set verified_percent = 39.995, verified_change = 39.995
                where assessment_id = (select a.id from assessment a join administrative_unit u on u.id = a.unit_id
                    where u.code = '96101' and a.period_id = ?)""", period);
        long plan = plan("Sát nút", 40, 1, today.plusDays(30));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        Rollup rollup = rollups.rollup("96", period, 40, Rollups.Detail.TOTALS);
        assertThat(rollup.ranking().get(0)).returns("96101", CommuneFigure::code)
                .returns(new BigDecimal("40.0"), CommuneFigure::verified);
        assertThat(rollup.atOrAboveThreshold()).isZero();
        assertThat(rollup.distribution().get(3).communes()).as("in the band 30 to under 40").isOne();
        assertThat(rollups.rollup("96", period, 39, Rollups.Detail.TOTALS).atOrAboveThreshold()).isOne();
        assertThat(rollup.children()).singleElement().extracting(ChildFigure::atOrAboveThreshold).isEqualTo(0);
        PlanTracker tracker = planTrackers.plan(plan);
        assertThat(tracker.communes()).extracting(PlanCommune::code, PlanCommune::verified, PlanCommune::atTarget)
                .contains(tuple("96101", new BigDecimal("40.0"), false));
        assertThat(tracker.communesAtTarget()).isZero();
    }

    /**
     * A plan lists its communes in the ranking's order: by the unrounded figure (by the one shown, 336,71 points came
     * before 337,00), then by name; one that has not begun last, with no figure of its own.
     */
    @Test
    void aPlanListsItsCommunesByTheUnroundedFigureAndTheUnbegunLast() {
        setHistory("96101", "33.64");
        setHistory("96102", "33.61");
        long plan = plan("Thứ tự", 30, 1, today.plusDays(30));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        assertThat(planTrackers.plan(plan).communes()).extracting(PlanCommune::code, PlanCommune::verified,
                PlanCommune::started).containsExactly(tuple("96101", new BigDecimal("33.6"), true),
                tuple("96102", new BigDecimal("33.6"), true));

        jdbc.update("""
                delete from assessment_progress_history where assessment_id = (select a.id from assessment a
                    join administrative_unit u on u.id = a.unit_id where u.code = '96101' and a.period_id = ?)""",
                period);
        assertThat(planTrackers.plan(plan).communes()).extracting(PlanCommune::code, PlanCommune::started)
                .containsExactly(tuple("96102", true), tuple("96101", false));
    }

    private void setHistory(String commune, String verified) {
        jdbc.update("""
                update assessment_progress_history set verified_percent = ?::numeric
                where assessment_id = (select a.id from assessment a join administrative_unit u on u.id = a.unit_id
                    where u.code = ? and a.period_id = ?)""", verified, commune, period);
    }

    @Test
    void aDistrictOfficialRollsUpTheDistrictOnly() {
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        Rollup rollup = rollups.rollup("961", period);

        assertThat(rollup.communeCount()).isEqualTo(2);
        assertThat(rollup.medianVerified()).isEqualByComparingTo("25.0");
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> rollups.rollup("96", period));
        assertThatExceptionOfType(ProgressNotFoundException.class).isThrownBy(() -> rollups.national(period, 30));
    }

    @Test
    void theTrendEndsOnTodaysAverage() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        List<TrendPoint> trend = rollups.trend("96", period);

        assertThat(trend.get(trend.size() - 1)).isEqualTo(new TrendPoint(today, new BigDecimal("16.7")));
        assertThat(trend.get(0).averageVerified()).as("nothing was approved in the period's first month")
                .isEqualByComparingTo("0.0");
    }

    /**
     * Once the period is over, its last day's point is that day's figure, as a plan tracker reads it; an approval
     * made since shows in a point of today, the figure of every other page.
     */
    @Test
    void anApprovalAfterThePeriodEndedMovesTodaysPointNotTheLastDays() {
        jdbc.update("update period set end_date = ? where id = ?", today.minusDays(1), period);
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        List<TrendPoint> trend = rollups.trend("96", period);

        assertThat(trend.subList(trend.size() - 2, trend.size())).containsExactly(
                new TrendPoint(today.minusDays(1), new BigDecimal("0.0")), new TrendPoint(today, new BigDecimal("16.7")));
    }

    /**
     * The ranking counts what waits for review where the communes are reviewed, the unit right above them: the
     * district before the reform, the province after it (96201 lies right under province 96).
     */
    @Test
    void theUnitRightAboveTheCommunesCountsWhatWaitsForItsReview() {
        loginAs("t.xa96201", Role.COMMUNE_STAFF);
        EntryView entry = workflow.open("96201", period).entries().get(0);
        workflow.submit(entry.id(), workflow.saveValue(entry.id(), entry.version(), new EntryValue.Level(3), null)
                .version());
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        assertThat(dashboards.unit("961", period, 30).backlog()).containsExactly(Map.entry("96102", 1));
        assertThat(dashboards.unit("96", period, 30).backlog()).containsExactly(Map.entry("96201", 1));
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThat(dashboards.unit("97", period, 30).backlog()).as("nothing waits, a province of communes still")
                .isEmpty();
    }

    @Test
    void planTrackersCountTheCommunesAtTargetAndJudgeAPastDeadlineOnItsDay() {
        long achieved = plan("Đạt", 40, 1, today.plusDays(30));
        long atRisk = plan("Sát", 40, 2, today.plusDays(30));
        long missed = plan("Lỡ", 40, 1, today.minusDays(1));

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        PlanTracker reached = planTrackers.plan(achieved);
        assertThat(reached.communesAtTarget()).isEqualTo(1);
        assertThat(reached.status()).isEqualTo(PlanStatus.ACHIEVED);
        assertThat(reached.daysLeft()).isEqualTo(30);
        assertThat(reached.communes()).extracting(c -> c.code(), c -> c.atTarget())
                .containsExactly(tuple("96101", true), tuple("96102", false));

        PlanTracker close = planTrackers.plan(atRisk);
        assertThat(close.status()).isEqualTo(PlanStatus.AT_RISK);
        assertThat(close.communes().get(0).projected()).isGreaterThanOrEqualTo(new BigDecimal("50.0"));

        PlanTracker past = planTrackers.plan(missed);
        assertThat(past.deadlinePassed()).isTrue();
        assertThat(past.asOf()).isEqualTo(today.minusDays(1));
        assertThat(past.communesAtTarget()).as("the approval came after the deadline").isZero();
        assertThat(past.status()).isEqualTo(PlanStatus.MISSED);

        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(ProgressNotFoundException.class).isThrownBy(() -> planTrackers.plan(achieved));
    }

    /**
     * A dashboard shows the plans over its communes, found by code; a code names the plan's commune only if that
     * commune had not ceased before the period began. After the 2025 merger a successor took up many a code of a
     * commune that ended on 30/06/2025: a district's plan over the old communes is not the new province's plan.
     */
    @Test
    void aDashboardShowsAPlanOnlyOverCommunesThatStillExistedWhenItsPeriodBegan() {
        long running = plan("Đang chạy", 40, 1, today.plusDays(30));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(planTrackers.plansOverCommunes(period, Set.of("96101"))).extracting(PlanTracker::id).contains(running);

        jdbc.update("update administrative_unit set valid_to = ? where code = '96101'", today.minusDays(101));
        assertThat(planTrackers.plansOverCommunes(period, Set.of("96101"))).extracting(PlanTracker::id)
                .doesNotContain(running);
        assertThat(planTrackers.plansOverCommunes(period, Set.of("96101", "96102"))).extracting(PlanTracker::id)
                .as("through a commune that is still there").contains(running);
    }

    /** A plan made today for later: nothing is forecast or judged before its start, whatever the figures say. */
    @Test
    void aPlanThatHasNotStartedIsNeitherForecastNorJudged() {
        long later = plan("Sau", 40, 2, today.plusDays(1), today.plusDays(60));

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        PlanTracker tracker = planTrackers.plan(later);
        assertThat(tracker.status()).isEqualTo(PlanStatus.NOT_STARTED);
        assertThat(tracker.notStarted()).isTrue();
        assertThat(tracker.communes()).extracting(PlanCommune::projected).containsOnlyNulls();
    }

    /**
     * A commune's scorecard and report judge a plan that is over as its tracker does: on the figure at the deadline,
     * which the approval made today no longer moves. A running plan is judged on today's figure. Both are shown, the
     * sooner deadline first: a plan made later over the same period does not hide the one made before it.
     */
    @Test
    void theScorecardJudgesAPlanThatIsOverOnItsDeadlineAsItsTrackerDoes() {
        long missed = plan("Lỡ", 40, 1, today.minusDays(1));

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(planTrackers.plan(missed).communes()).extracting(c -> c.code(), c -> c.atTarget())
                .contains(tuple("96101", false));
        Scorecards.Scorecard afterDeadline = scorecards.scorecard("96101", period);
        assertThat(afterDeadline.overall().verified()).isEqualByComparingTo("50.0");
        Scorecards.PlanProgress over = afterDeadline.plans().get(0);
        assertThat(afterDeadline.plans()).hasSize(1);
        assertThat(over.name()).isEqualTo("Lỡ");
        assertThat(over.deadlinePassed()).isTrue();
        assertThat(over.reached()).as("judged at the deadline, as the tracker").isFalse();

        plan("Đạt", 40, 1, today.plusDays(30));
        List<Scorecards.PlanProgress> both = scorecards.scorecard("96101", period).plans();
        assertThat(both).extracting(Scorecards.PlanProgress::name).containsExactly("Lỡ", "Đạt");
        Scorecards.PlanProgress running = both.get(1);
        assertThat(running.deadlinePassed()).isFalse();
        assertThat(running.reached()).isTrue();
    }

    /**
     * A period added later over the same dates does not take the plan: its tracker stays on the period that holds its
     * figures, and the new period's scorecard does not judge the plan on its own, empty figures.
     */
    @Test
    void aPeriodOfTheSameDatesAddedLaterLeavesThePlanWhereItsFiguresAre() {
        long same = fixtures.newPeriod(today.minusDays(100), today.plusDays(60));
        long running = plan("Cùng kỳ", 40, 1, today.plusDays(30));

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(planTrackers.plan(running).periodId()).isEqualTo(period);
        assertThat(scorecards.scorecard("96101", period).plans()).extracting(Scorecards.PlanProgress::name)
                .containsExactly("Cùng kỳ");
        assertThat(scorecards.scorecard("96101", same).plans()).extracting(Scorecards.PlanProgress::name)
                .doesNotContain("Cùng kỳ");
    }

    private long plan(String name, int percent, int communes, LocalDate deadline) {
        return plan(name, percent, communes, today.minusDays(100), deadline);
    }

    private long plan(String name, int percent, int communes, LocalDate start, LocalDate deadline) {
        return transaction.execute(status -> {
            AdministrativeUnit district = units.findByCodeValidOn("961", today).orElseThrow();
            List<AdministrativeUnit> participants = units.findChildrenValidOn(district, today);
            return plans.save(new Plan(new PlanTerms(name, percent, communes, start, deadline),
                    district, participants, List.of())).getId();
        });
    }
}
