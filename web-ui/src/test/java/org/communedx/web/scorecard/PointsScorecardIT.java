package org.communedx.web.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
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
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A framework that shows points: the scorecard writes "50,50 / 1.000 điểm" where a percent framework writes its
 * percent, the explanation gives each criterion's points and the rule behind them, and the dashboard ranks in points.
 */
@TrackerIntegrationTest
class PointsScorecardIT {

    private static final String PASSWORD = "Demo@2025!";

    private static final Instant AT = Instant.parse("2031-03-01T03:00:00Z");

    @LocalServerPort
    int port;

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

    long period;

    String commune;

    /** A commune of 2031, on a 1,000-point index: 380 + 125 verified, 120 more claimed. */
    @BeforeEach
    void aPointsPeriodWithValues() {
        period = transaction.execute(status -> {
            Framework framework = Framework.draft("IT-PTS", "1", new LocalizedText("Chỉ số thử", "Test index"));
            framework.changeScoreSettings(new ScoreSettings(ScoreDisplay.POINTS, 2, new BigDecimal("1000")));
            CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm một", "Group one"));
            group.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, "80", "400", ScoringRule.PROPORTIONAL));
            group.addCriterion(criterion("G1.C2", MeasurementType.PERCENT, "100", "350", ScoringRule.steps(List.of(
                    new ScoreStep(BigDecimal.ZERO, new BigDecimal("50"), BigDecimal.ZERO),
                    new ScoreStep(new BigDecimal("50"), new BigDecimal("80"), new BigDecimal("125")),
                    new ScoreStep(new BigDecimal("80"), null, new BigDecimal("350"))))));
            group.addCriterion(criterion("G1.C3", MeasurementType.LEVEL, "3", "250", ScoringRule.levels(
                    BigDecimal.ZERO, new BigDecimal("50"), new BigDecimal("120"), new BigDecimal("250"))));
            framework.publish(AT);
            frameworks.save(framework);
            Period saved = periods.save(new Period(new PeriodTerms("Chỉ số thử 2031", 2031, LocalDate.of(2031, 1, 1),
                    LocalDate.of(2031, 12, 31), LocalDate.of(2031, 12, 15)), framework));
            // Whichever commune the demo has then: the administrator reaches them all.
            AdministrativeUnit unit = units.findAllValidOn(LocalDate.of(2031, 1, 1)).stream()
                    .filter(candidate -> candidate.getLevel() == UnitLevel.COMMUNE).findFirst().orElseThrow();
            commune = unit.getCode();
            Assessment assessment = Assessment.open(unit, saved, AT);
            approve(assessment.getEntries().get(0), new EntryValue.Percent(19, 25));
            approve(assessment.getEntries().get(1), new EntryValue.Percent(3, 5));
            CriterionEntry level = assessment.getEntries().get(2);
            level.saveValue(new EntryValue.Level(2), null, "xa.annghia", AT);
            level.submit(1, "xa.annghia", AT);
            assessments.save(assessment);
            return saved.getId();
        });
        ledger.rebuildPeriod(period, LocalDate.of(2031, 3, 1));
    }

    @AfterEach
    void removeIt() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from assessment where period_id = ?", period);
            jdbc.update("delete from period where id = ?", period);
            jdbc.update("delete from framework where code = 'IT-PTS'");
        });
    }

    @Test
    void theScorecardExplanationAndDashboardShowPointsOutOfTheMaximum() {
        WebClient manager = new WebClient(port).login("admin", PASSWORD);
        String scorecard = "/communes/" + commune + "/periods/" + period;

        assertThat(manager.get(scorecard).body()).contains("380,00 / 400 điểm", "125,00 / 350 điểm",
                "120,00 / 250 điểm", "505,00 / 1.000 điểm", "625,00 / 1.000 điểm");
        assertThat(manager.get(scorecard + "/explain").body()).contains(
                "Điểm được tính 505,00 / điểm tối đa của các tiêu chí áp dụng 1.000,00 = 50,5%",
                "Chưa đạt chỉ tiêu: điểm tối đa nhân với tỷ lệ đạt so với chỉ tiêu",
                "Giá trị thuộc bậc 50..80: điểm của bậc đó", "Mức 2: điểm của mức đó");
        assertThat(manager.get("/dashboard/national?period=" + period).body()).contains("505,00 / 1.000 điểm");
        assertThat(manager.get("/units/25/periods/" + period + "/ranking").body())
                .as("the province's ranking writes its scale as the language does").contains("trên thang 1.000 điểm");
        assertThat(new WebClient(port).login("admin", PASSWORD).get(scorecard + "?lang=en").body())
                .contains("505.00 / 1,000 points");
    }

    private static void approve(CriterionEntry entry, EntryValue value) {
        entry.saveValue(value, null, "xa.annghia", AT);
        entry.submit(1, "xa.annghia", AT);
        entry.approve("huyen.lacson", AT);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, String target, String maximum,
            ScoringRule rule) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, new BigDecimal(target),
                Comparison.AT_LEAST, null, new BigDecimal(maximum), rule, null, false);
    }
}
