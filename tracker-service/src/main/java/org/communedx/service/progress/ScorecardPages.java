package org.communedx.service.progress;

import java.util.Comparator;
import java.util.List;

import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.Scorecards.PeriodChoice;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.ProgressViews.Trend;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a commune's scorecard page shows, read in one read-only transaction: the scorecard, its trend and the periods
 * to switch to. Three service calls of their own were three transactions, each with its connection, its persistence
 * context and its own look-ups of the same period and commune (docs/performance.md, "Rendering"). Here, beside the
 * trend's {@link Rollups}, because the assessment services cannot see progress.
 */
@Service
@Transactional(readOnly = true)
public class ScorecardPages {

    private final Scorecards scorecards;

    private final Rollups rollups;

    ScorecardPages(Scorecards scorecards, Rollups rollups) {
        this.scorecards = scorecards;
        this.rollups = rollups;
    }

    /** The page; outside the caller's scope it does not exist, as the scorecard does not. */
    public ScorecardPage page(String communeCode, long periodId) {
        return new ScorecardPage(scorecards.scorecard(communeCode, periodId), rollups.trendOf(communeCode, periodId),
                scorecards.periodsOf(communeCode));
    }

    public record ScorecardPage(Scorecard scorecard, Trend trend, List<PeriodChoice> periods) {

        /** How many periods with work sent back the scorecard names: a phone's screen, not a list to scroll. */
        public static final int SENT_BACK_SHOWN = 3;

        /**
         * The other periods where a review sent entries back to the commune's own staff, the latest work first: the
         * scorecard names the first {@link #SENT_BACK_SHOWN} and counts the rest.
         */
        public List<PeriodChoice> sentBackElsewhere() {
            return periods.stream().filter(period -> period.sentBack() != null && period.id() != scorecard.periodId())
                    .sorted(Comparator.comparing((PeriodChoice period) -> period.sentBack().lastChanged()).reversed())
                    .toList();
        }
    }
}
