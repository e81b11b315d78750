package org.communedx.service.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.communedx.service.progress.Forecast.Point;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastTests {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void steadyProgressIsExtendedAlongItsLine() {
        List<Point> history = List.of(point(30, "10"), point(60, "20"), point(90, "30"));

        assertThat(Forecast.project(START, history, START.plusDays(90), START.plusDays(180)))
                .isEqualByComparingTo("60.0");
    }

    @Test
    void aCommuneThatStalledIsProjectedBelowItsEarlyPace() {
        List<Point> early = List.of(point(10, "30"));
        List<Point> steady = List.of(point(10, "5"), point(50, "15"), point(90, "30"));

        BigDecimal stalled = Forecast.project(START, early, START.plusDays(90), START.plusDays(180));
        BigDecimal pace = Forecast.project(START, steady, START.plusDays(90), START.plusDays(180));

        assertThat(stalled).as("never below today's figure").isGreaterThanOrEqualTo(new BigDecimal("30.0"))
                .as("far below its first ten days' pace, 270%% by then").isLessThan(new BigDecimal("60.0"));
        assertThat(pace).isGreaterThan(new BigDecimal("55.0"));
    }

    /**
     * Xã Thượng Cốc at 35.9% since September, the deadline 23 days off: the line through its history ran near 43%
     * today and was extended to 51.9%. From today's figure at the history's pace it gains what that pace gives in 23
     * days, short of a 40% target.
     */
    @Test
    void aCommuneThatStalledGoesOnFromTodaysFigureAtItsPace() {
        List<Point> history = List.of(point(60, "10"), point(150, "25"), point(250, "35.9"));

        BigDecimal forecast = Forecast.project(START, history, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 31));

        assertThat(forecast).isGreaterThan(new BigDecimal("35.9")).isLessThan(new BigDecimal("40"));
    }

    @Test
    void aForecastNeverPassesAHundredNorFallsBelowToday() {
        assertThat(Forecast.project(START, List.of(point(10, "50"), point(20, "90")), START.plusDays(20),
                START.plusDays(300))).isEqualByComparingTo("100.0");
        assertThat(Forecast.project(START, List.of(point(10, "60"), point(100, "20")), START.plusDays(150),
                START.plusDays(300))).as("reopened criteria bend the line down, but not the figure")
                .isEqualByComparingTo("20.0");
        BigDecimal shortOfIt = Forecast.project(START,
                List.of(point(10, "90"), point(20, "90"), point(140, "39.995")), START.plusDays(150),
                START.plusDays(300));
        assertThat(shortOfIt).as("held at today's figure, unrounded").isEqualByComparingTo("39.995");
        assertThat(org.communedx.service.assessment.Completion.reaches(shortOfIt, 40)).isFalse();
    }

    @Test
    void noHistoryForecastsNothing() {
        assertThat(Forecast.project(START, List.of(), START.plusDays(100), START.plusDays(200)))
                .isEqualByComparingTo("0.0");
        assertThat(Forecast.project(START, List.of(), START, START.plusDays(200))).isEqualByComparingTo("0.0");
    }

    @Test
    void aPlanStatusFollowsTheCountsAndTheDeadline() {
        assertThat(PlanTrackers.status(7, 7, 7, true, false)).isEqualTo(ProgressViews.PlanStatus.ACHIEVED);
        assertThat(PlanTrackers.status(7, 8, 0, true, true)).isEqualTo(ProgressViews.PlanStatus.ACHIEVED);
        assertThat(PlanTrackers.status(7, 6, 7, true, false)).isEqualTo(ProgressViews.PlanStatus.ON_TRACK);
        assertThat(PlanTrackers.status(7, 3, 5, true, false)).as("short by two, a quarter of seven rounded up")
                .isEqualTo(ProgressViews.PlanStatus.AT_RISK);
        assertThat(PlanTrackers.status(7, 3, 4, true, false)).isEqualTo(ProgressViews.PlanStatus.OFF_TRACK);
        assertThat(PlanTrackers.status(7, 6, 7, true, true)).as("the deadline passed short of the target")
                .isEqualTo(ProgressViews.PlanStatus.MISSED);
        assertThat(PlanTrackers.status(7, 0, 0, false, false)).as("a plan for next year, made today")
                .isEqualTo(ProgressViews.PlanStatus.NOT_STARTED);
    }

    private static Point point(int day, String verified) {
        return new Point(START.plusDays(day), new BigDecimal(verified));
    }
}
