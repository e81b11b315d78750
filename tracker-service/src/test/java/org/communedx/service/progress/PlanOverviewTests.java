package org.communedx.service.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.framework.ScoreSettings;
import org.communedx.service.progress.Dashboards.PlanOverview;
import org.communedx.service.progress.ProgressViews.PlanStatus;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a unit's plans a dashboard of one period shows as its own, and which it names as scored elsewhere. */
class PlanOverviewTests {

    private static final long THIS_PERIOD = 7;

    @Test
    void thePeriodsPlansAndThoseOfNoPeriodYetAreShownTheOthersNamed() {
        PlanOverview overview = PlanOverview.of(List.of(tracker(1, THIS_PERIOD, PlanStatus.ON_TRACK),
                tracker(2, 5L, PlanStatus.ACHIEVED), tracker(3, null, PlanStatus.NOT_STARTED)), THIS_PERIOD);

        assertThat(overview.cards()).extracting(PlanTracker::id).containsExactly(1L, 3L);
        assertThat(overview.total()).isEqualTo(2);
        assertThat(overview.byStatus().get(PlanStatus.ACHIEVED)).as("another period's plan is not counted").isZero();
        assertThat(overview.elsewhere()).extracting(PlanTracker::id).containsExactly(2L);
        assertThat(overview.all()).isEqualTo(3);
    }

    /**
     * The page explains the forecast only when a plan shown is forecast: a dashboard whose plans all ended, or have
     * not begun, had explained a forecast that none of them had.
     */
    @Test
    void theForecastIsExplainedOnlyWhileAPlanShownIsForecast() {
        assertThat(PlanOverview.of(List.of(tracker(1, THIS_PERIOD, PlanStatus.MISSED),
                tracker(2, THIS_PERIOD, PlanStatus.ACHIEVED), tracker(3, THIS_PERIOD, PlanStatus.NOT_STARTED),
                tracker(4, 5L, PlanStatus.AT_RISK)), THIS_PERIOD).forecasting()).as("another period's plan").isFalse();
        for (PlanStatus forecast : List.of(PlanStatus.ON_TRACK, PlanStatus.AT_RISK, PlanStatus.OFF_TRACK)) {
            assertThat(PlanOverview.of(List.of(tracker(1, THIS_PERIOD, PlanStatus.MISSED),
                    tracker(2, THIS_PERIOD, forecast)), THIS_PERIOD).forecasting()).as(forecast.name()).isTrue();
        }
    }

    /** The country has a plan per district: past 12 the page names 12 of them and says how many there are. */
    @Test
    void pastTwelveTheOthersAreCountedAndTheFirstTwelveNamed() {
        List<PlanTracker> trackers = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            trackers.add(tracker(id, id <= 20 ? 5L : THIS_PERIOD, PlanStatus.AT_RISK));
        }

        PlanOverview overview = PlanOverview.of(trackers, THIS_PERIOD);

        assertThat(overview.total()).isEqualTo(10);
        assertThat(overview.summarised()).isFalse();
        assertThat(overview.elsewhere()).hasSize(PlanOverview.CARDS).first().extracting(PlanTracker::id)
                .isEqualTo(1L);
        assertThat(overview.elsewhereTotal()).isEqualTo(20);
        assertThat(overview.all()).isEqualTo(30);
    }

    private static PlanTracker tracker(long id, Long periodId, PlanStatus status) {
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        return new PlanTracker(id, "Kế hoạch " + id, "25", "Tỉnh Phú Thọ", 40, 1, deadline.minusYears(1), deadline,
                30, false, deadline, periodId, periodId == null ? null : "Kỳ " + periodId, 0, 0, status, List.of(),
                ScoreSettings.PERCENT, null);
    }
}
