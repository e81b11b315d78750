package org.communedx.service.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.Completion;

/** What rollups, trends and plan trackers return: plain records, percentages with one decimal. */
public final class ProgressViews {

    private ProgressViews() {
    }

    /**
     * A district's or province's communes in one period (or the whole country's, with a null unit code).
     * @param ranking every commune in rank order ({@link Standings})
     * @param children the district (or, for the country, province) figures, empty where there is no such level
     * @param formedOn for a unit formed after the period began (the 2025 merger), the day it was formed: its
     *     figures are then those of the communes it was formed from, by their successions; else null
     * @param maxScore the most points the period's version gives (the sum of its maxima)
     * @param averageScore the communes' verified points, averaged (a commune without an assessment counts 0), with
     *     two decimals as points are kept; {@code medianScore} and {@code averageClaimedScore} alike. A points version
     *     shows them where a percent version shows the percentages.
     */
    public record Rollup(String unitCode, String unitName, UnitLevel level, LocalDate formedOn, long periodId,
            String periodName,
            int communeCount, BigDecimal averageVerified, BigDecimal medianVerified, BigDecimal averageClaimed,
            int threshold, int atOrAboveThreshold, List<Bucket> distribution, List<GroupAverage> groups,
            List<CommuneFigure> ranking, List<ChildFigure> children, ScoreSettings scoreSettings,
            BigDecimal maxScore, BigDecimal averageScore, BigDecimal medianScore, BigDecimal averageClaimedScore) {

        /**
         * Whether any commune lies under a unit between it and the rollup ({@link #parentBetween}). After the 2025
         * reform a province's communes lie under it directly, and a column of their parent would repeat the
         * province's name row by row.
         */
        public boolean parentsBetween() {
            return ranking.stream().anyMatch(this::parentBetween);
        }

        /** Whether the commune's parent stands between it and the rollup: a district, or for the country a province. */
        public boolean parentBetween(CommuneFigure commune) {
            return !commune.parentCode().equals(unitCode);
        }

        /** A percent of the maximum in points, for thresholds and bands: 40% of 1,000 is 400. */
        public BigDecimal scoreAt(int percent) {
            return Completion.share(percent, maxScore);
        }
    }


    /** Communes whose verified completion lies in [from, to), the last bucket including 100. */
    public record Bucket(int from, int to, int communes) {
    }

    /**
     * @param averageScore the communes' verified points in the group, averaged; {@code maxScore} the group's maximum
     */
    public record GroupAverage(String groupCode, LocalizedText name, BigDecimal averageVerified,
            BigDecimal averageScore, BigDecimal maxScore) {

        /**
         * The group's average as a percentage, as its chart draws it and its table writes it: on a points version the
         * averaged points as a share of the group's maximum ("7,92 / 120 điểm", 6.6%), not the communes' own
         * percentages averaged (7.6%: a commune with a criterion not applicable has its percent of a smaller maximum).
         */
        public BigDecimal averagePercent(boolean points) {
            return points ? share(averageScore, maxScore) : averageVerified;
        }
    }

    /** Averaged points as a percentage of their maximum; 0 without points or without a maximum. */
    public static BigDecimal share(BigDecimal points, BigDecimal maximum) {
        return points == null || maximum == null || maximum.signum() == 0 ? BigDecimal.ZERO
                : Completion.percent(points, maximum);
    }

    /**
     * @param rank the commune's rank ({@link Standings}), or null without an assessment
     * @param groupVerified verified completion per group code, where the rollup was asked for it; null for a group
     *     that does not apply to the commune
     * @param score the verified points, of which {@code verified} is the share of {@code maxScore}
     * @param claimedScore the claimed points, of which {@code claimed} is the share of {@code maxScore}
     * @param atThreshold whether the verified figure, unrounded, reaches the rollup's threshold
     *     ({@link org.communedx.service.assessment.Completion#reaches}): 39.995%, shown as 40,0%, does not reach 40%
     */
    public record CommuneFigure(Integer rank, String code, String name, String parentCode, String parentName,
            BigDecimal verified, BigDecimal claimed, Map<String, BigDecimal> groupVerified, BigDecimal score,
            BigDecimal maxScore, BigDecimal claimedScore, boolean atThreshold) {

        /**
         * Whether the commune has begun the period. One that has not counts as 0 in the rollup's averages but has no
         * figures of its own to show: pages and files say so rather than print zeros.
         */
        public boolean started() {
            return rank != null;
        }
    }

    /** @param averageScore the child's communes' verified points, averaged */
    public record ChildFigure(String code, String name, UnitLevel level, int communeCount, BigDecimal averageVerified,
            int atOrAboveThreshold, BigDecimal averageScore) {
    }

    /**
     * The average verified completion of the rollup's communes at the end of a month (or today, for this month; or
     * the period's last day and, when reviews moved the figure after it, today).
     */
    public record TrendPoint(LocalDate date, BigDecimal averageVerified) {
    }

    /**
     * A trend with where it comes from.
     * @param formedOn when the unit that holds the code today was formed after the period began (the 2025 merger),
     *     the day it was formed: the points then combine the communes it was formed from; else null
     * @param formedName that unit's name, with {@code formedOn}: not always the name the code had during the period
     *     (Xã Ân Nghĩa's code is Xã Đại Đồng's since the merger)
     * @param communes how many communes the points average
     */
    public record Trend(List<TrendPoint> points, LocalDate formedOn, String formedName, long communes) {
    }

    public enum PlanStatus {
        /** The plan's start date is still ahead: nothing is judged or forecast yet. */
        NOT_STARTED,
        /** At least the target number of communes is at the target percent. */
        ACHIEVED,
        /** Not yet, but the forecast reaches the target number by the deadline. */
        ON_TRACK,
        /** The forecast falls short by at most a quarter of the target number. */
        AT_RISK,
        /** The forecast falls short by more. */
        OFF_TRACK,
        /** The deadline passed without the target met: judged on the deadline, with nothing left to forecast. */
        MISSED;

        /** Whether the status comes from a forecast: a plan under way, not yet at its target. */
        public boolean forecast() {
            return this == ON_TRACK || this == AT_RISK || this == OFF_TRACK;
        }
    }

    /**
     * A plan's progress. Before the deadline the figures are today's and the forecast projects each commune to the
     * deadline; after it, every figure is as it stood on the deadline, from the history. Before the plan's start
     * there is no forecast.
     */
    public record PlanTracker(long id, String name, String scopeUnitCode, String scopeUnitName, int targetPercent,
            int targetCommuneCount, LocalDate startDate, LocalDate deadline, long daysLeft, boolean deadlinePassed,
            LocalDate asOf, Long periodId, String periodName, int communesAtTarget, int projectedAtTarget,
            PlanStatus status, List<PlanCommune> communes, ScoreSettings scoreSettings, BigDecimal maxScore) {

        /**
         * Whether a dashboard of the period shows the plan beside its figures: it is scored on that period, or on none
         * yet (no period reaches its dates). A plan of other years is not shown beside this one's figures.
         */
        public boolean shownOn(long dashboardPeriodId) {
            return periodId == null || periodId == dashboardPeriodId;
        }

        /** The target in points on the period's version (40% of 1,000 is 400); null without a period. */
        public BigDecimal targetScore() {
            return Completion.share(targetPercent, maxScore);
        }

        public boolean notStarted() {
            return status == PlanStatus.NOT_STARTED;
        }
    }

    /**
     * @param projected verified completion forecast for the deadline; null before the plan's start and once the
     *     deadline has passed
     * @param score the verified points today, of {@code maxScore}; null once the deadline has passed (the history
     *     keeps percentages only) or without a period
     * @param started whether the commune has begun the period (by the plan's day): one that has not has no figures
     *     of its own, which the page says rather than print zeros, and is listed last, as in the ranking
     */
    public record PlanCommune(String code, String name, boolean pilot, BigDecimal verified, BigDecimal projected,
            boolean atTarget, boolean projectedAtTarget, BigDecimal score, BigDecimal maxScore, boolean started) {
    }
}
