package org.communedx.model.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.communedx.model.assessment.EntryValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ScoringRuleTests {

    private static final BigDecimal TEN = BigDecimal.TEN;

    @Test
    void allOrNothingGivesTheMaximumOnlyWhenTheTargetIsMet() {
        ScoringRule rule = ScoringRule.ALL_OR_NOTHING;

        assertThat(rule.points(n("80"), n("80"), Comparison.AT_LEAST, TEN)).isEqualTo(n("10.00"));
        assertThat(rule.points(n("79.99"), n("80"), Comparison.AT_LEAST, TEN)).isEqualTo(n("0.00"));
        assertThat(rule.points(n("0"), n("0"), Comparison.AT_MOST, n("2.5"))).isEqualTo(n("2.50"));
        assertThat(rule.points(null, n("0"), Comparison.AT_MOST, TEN)).isEqualTo(n("0.00"));
    }

    @Test
    void proportionalGivesTheShareReachedCappedAtTheMaximum() {
        ScoringRule rule = ScoringRule.PROPORTIONAL;

        assertThat(rule.points(n("95"), n("100"), Comparison.AT_LEAST, n("40"))).isEqualTo(n("38.00"));
        assertThat(rule.points(n("33.33"), n("70"), Comparison.AT_LEAST, n("25"))).as("25 × 33.33 / 70 = 11.9035…")
                .isEqualTo(n("11.90"));
        assertThat(rule.points(n("120"), n("100"), Comparison.AT_LEAST, n("40"))).isEqualTo(n("40.00"));
        assertThat(rule.points(n("0"), n("0"), Comparison.AT_LEAST, n("40"))).as("a target of 0 is met")
                .isEqualTo(n("40.00"));
    }

    /**
     * An exact half of a hundredth is rounded up, as the scorecard says: 193/300 (64.333…%) of an 80% target on 30
     * points is exactly 24.125, which the percent's rounded measure made 24.12499… and 24.12; 58/120 (48.333…%) of
     * 100% on 37.5 points, 18.125, likewise.
     */
    @Test
    void anExactHalfOfAHundredthIsRoundedUp() {
        assertThat(ScoringRule.PROPORTIONAL.points(new EntryValue.Percent(193, 300).measure(), n("80"),
                Comparison.AT_LEAST, n("30"))).isEqualTo(n("24.13"));
        assertThat(ScoringRule.PROPORTIONAL.points(new EntryValue.Percent(58, 120).measure(), n("100"),
                Comparison.AT_LEAST, n("37.5"))).as("37.5 × 48.333… / 100 = 18.125").isEqualTo(n("18.13"));
        assertThat(ScoringRule.PROPORTIONAL.points(new EntryValue.Percent(1, 3).measure(), n("50"),
                Comparison.AT_LEAST, n("10"))).as("not a half: 6.666…").isEqualTo(n("6.67"));
    }

    /** A percent rounded to two decimals before the rule read it made 101/115 of 50 points 43.92, not 43.91. */
    @Test
    void aPercentIsScoredAndComparedUnrounded() {
        assertThat(ScoringRule.PROPORTIONAL.points(new EntryValue.Percent(101, 115).measure(), n("100"),
                Comparison.AT_LEAST, n("50"))).as("50 × 87.826… / 100 = 43.913…").isEqualTo(n("43.91"));
        assertThat(Comparison.AT_LEAST.isMet(new EntryValue.Percent(19999, 20000).measure(), n("100")))
                .as("99.995% shows as 100.00% yet misses 100%").isFalse();
        ScoringRule steps = ScoringRule.steps(List.of(new ScoreStep(n("0"), n("80"), n("0")),
                new ScoreStep(n("80"), null, TEN)));
        assertThat(steps.points(new EntryValue.Percent(79999, 100000).measure(), n("80"), Comparison.AT_LEAST, TEN))
                .as("79.999% stays below the band from 80%").isEqualTo(n("0.00"));
    }

    @Test
    void proportionalMirrorsForAtMostTargets() {
        ScoringRule rule = ScoringRule.PROPORTIONAL;

        assertThat(rule.points(n("3"), n("4"), Comparison.AT_MOST, TEN)).isEqualTo(n("10.00"));
        assertThat(rule.points(n("5"), n("4"), Comparison.AT_MOST, TEN)).as("4/5 of the maximum").isEqualTo(n("8.00"));
        assertThat(rule.points(n("1"), n("0"), Comparison.AT_MOST, TEN)).as("any incident against none")
                .isEqualTo(n("0.00"));
    }

    @Test
    void stepsGiveThePointsOfTheBandThatHoldsTheValue() {
        ScoringRule rule = ScoringRule.steps(List.of(new ScoreStep(n("80"), null, TEN),
                new ScoreStep(n("0"), n("50"), n("0")), new ScoreStep(n("50"), n("80"), n("5.5"))));

        assertThat(rule.steps()).extracting(ScoreStep::from).containsExactly(n("0"), n("50"), n("80"));
        assertThat(rule.points(n("49.99"), n("100"), Comparison.AT_LEAST, TEN)).isEqualTo(n("0.00"));
        assertThat(rule.points(n("50"), n("100"), Comparison.AT_LEAST, TEN)).isEqualTo(n("5.50"));
        assertThat(rule.points(n("100"), n("100"), Comparison.AT_LEAST, TEN)).isEqualTo(n("10.00"));
        assertThat(rule.problems("C1", MeasurementType.PERCENT, TEN)).isEmpty();
    }

    @Test
    void levelsGiveThePointsOfEachLevel() {
        ScoringRule rule = ScoringRule.levels(n("0"), n("3"), n("6"), n("10"));

        assertThat(List.of(0, 1, 2, 3)).map(level -> rule.points(BigDecimal.valueOf(level), n("3"),
                Comparison.AT_LEAST, TEN)).containsExactly(n("0.00"), n("3.00"), n("6.00"), n("10.00"));
        assertThat(rule.problems("C1", MeasurementType.LEVEL, TEN)).isEmpty();
    }

    @Test
    void listsEveryProblemOfABrokenRule() {
        ScoringRule steps = ScoringRule.steps(List.of(new ScoreStep(n("0"), n("50"), n("-1")),
                new ScoreStep(n("40"), n("60"), n("5")), new ScoreStep(n("70"), n("70"), n("12")),
                new ScoreStep(n("90"), null, TEN)));

        assertThat(steps.problems("C1", MeasurementType.PERCENT, TEN)).extracting(FrameworkProblem::messageKey,
                FrameworkProblem::arguments).containsExactly(
                        tuple("framework.problem.scoring.negativePoints", List.of("C1", n("-1"))),
                        tuple("framework.problem.scoring.emptyStep", List.of("C1", "70..70")),
                        tuple("framework.problem.scoring.pointsAboveMaximum", List.of("C1", n("12"), n("10"))),
                        tuple("framework.problem.scoring.overlappingSteps", List.of("C1", "0..50", "40..60")),
                        tuple("framework.problem.scoring.gapBetweenSteps", List.of("C1", "60", "70")),
                        tuple("framework.problem.scoring.gapBetweenSteps", List.of("C1", "70", "90")));
        assertThat(ScoringRule.steps(List.of(new ScoreStep(n("0"), null, n("1")), new ScoreStep(n("5"), null, n("1"))))
                .problems("C2", MeasurementType.COUNT, TEN)).extracting(FrameworkProblem::messageKey)
                .containsExactly("framework.problem.scoring.overlappingSteps");
        assertThat(ScoringRule.levels(n("0"), n("1")).problems("C3", MeasurementType.PERCENT, TEN))
                .extracting(FrameworkProblem::messageKey).containsExactly(
                        "framework.problem.scoring.levelsNeedLevel", "framework.problem.scoring.levelMissing",
                        "framework.problem.scoring.levelMissing");
        assertThat(ScoringRule.steps(List.of(new ScoreStep(n("0"), n("80"), n("0")),
                new ScoreStep(n("80"), n("100"), TEN))).problems("C6", MeasurementType.PERCENT, TEN))
                .extracting(FrameworkProblem::messageKey, FrameworkProblem::arguments)
                .containsExactly(tuple("framework.problem.scoring.lastStepClosed", List.of("C6", "80..100", "100")));
        assertThat(new ScoringRule(ScoringMethod.STEPS, List.of()).problems("C4", MeasurementType.COUNT, TEN))
                .extracting(FrameworkProblem::messageKey).containsExactly("framework.problem.scoring.noSteps");
        assertThat(new ScoringRule(ScoringMethod.PROPORTIONAL, List.of(new ScoreStep(n("0"), null, n("1"))))
                .problems("C5", MeasurementType.COUNT, TEN)).extracting(FrameworkProblem::messageKey)
                .containsExactly("framework.problem.scoring.stepsNotUsed");
    }

    /** Whatever the value, a rule gives between 0 and the maximum, with two decimals; partial credit grows with it. */
    @Test
    void everyRuleStaysWithinTheMaximumAndProportionalCreditGrowsWithTheValue() {
        Random random = new Random(20261204);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal maximum = BigDecimal.valueOf(1 + random.nextInt(50_000), 2);
            BigDecimal target = BigDecimal.valueOf(random.nextInt(10_001), 2);
            BigDecimal value = BigDecimal.valueOf(random.nextInt(10_001), 2);
            BigDecimal higher = value.add(BigDecimal.valueOf(random.nextInt(500), 2));
            for (Comparison comparison : Comparison.values()) {
                BigDecimal all = ScoringRule.ALL_OR_NOTHING.points(value, target, comparison, maximum);
                BigDecimal share = ScoringRule.PROPORTIONAL.points(value, target, comparison, maximum);
                assertThat(all).isEqualTo(comparison.isMet(value, target) ? maximum.setScale(2) : n("0.00"));
                assertThat(share.scale()).isEqualTo(2);
                assertThat(share).isBetween(n("0"), maximum).isGreaterThanOrEqualTo(all);
                BigDecimal higherShare = ScoringRule.PROPORTIONAL.points(higher, target, comparison, maximum);
                if (comparison == Comparison.AT_LEAST) {
                    assertThat(higherShare).isGreaterThanOrEqualTo(share);
                }
                else {
                    assertThat(higherShare).isLessThanOrEqualTo(share);
                }
            }
        }
    }

    private static BigDecimal n(String number) {
        return new BigDecimal(number);
    }
}
