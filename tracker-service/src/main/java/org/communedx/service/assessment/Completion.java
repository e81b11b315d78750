package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.communedx.model.assessment.EntryStatus;

/**
 * How far a commune has got, in points: each criterion's points come from its scoring rule
 * ({@link org.communedx.model.framework.ScoringRule}, kept on the entry), and its weight is its maximum. This is the
 * one place a completion percentage is computed and rounded; {@link ProgressLedger} sums the same kept points in
 * SQL.
 * <ul>
 * <li><b>Applicable</b> criteria are all but those a reviewer accepted as NOT_APPLICABLE; a not-applicable
 * request still counts until it is approved. Their maxima add up to the maximum score.</li>
 * <li><b>Verified</b>: the points of APPROVED criteria, over the applicable maxima. All or nothing (DX-XA 1.0), that is
 * the weights of approved criteria whose value meets the target.</li>
 * <li><b>Claimed</b>: as verified, but SUBMITTED criteria's points count too.</li>
 * <li>Percentages are rounded half up to one decimal; with no applicable criterion there is no percentage
 * (null).</li>
 * </ul>
 */
public final class Completion {

    private Completion() {
    }

    /**
     * One criterion as completion sees it.
     * @param weight the criterion's maximum
     * @param points what its value earns by its scoring rule, whatever the status
     */
    public record Item(String criterionCode, String groupCode, BigDecimal weight, EntryStatus status, boolean met,
            BigDecimal points) {

        /** A criterion scored all or nothing: its whole weight when met. */
        public Item(String criterionCode, String groupCode, BigDecimal weight, EntryStatus status, boolean met) {
            this(criterionCode, groupCode, weight, status, met, met ? weight : BigDecimal.ZERO);
        }
    }

    /** Why a criterion adds its points to a figure, or why not. */
    public enum Reason {
        /** Its points are added to the figure. */
        COUNTS,
        /** Applicable, but its value earns no points (or there is no value yet). */
        NOT_MET,
        /** Its value earns points and waits for the reviewer (submitted, or not applicable asked): not approved. */
        NOT_APPROVED,
        /** Its value earns points but is still the commune's draft: not submitted. */
        NOT_SUBMITTED,
        /** Its value earns points but a reviewer returned it to the commune: not counted until it is sent again. */
        RETURNED,
        /** A reviewer accepted it as not applicable: its weight is left out of the whole as well. */
        NOT_APPLICABLE
    }

    /**
     * One criterion of an explanation: its maximum, the points its value earns, and its reason for the verified and
     * the claimed figure.
     */
    public record Line(String criterionCode, String groupCode, BigDecimal weight, EntryStatus status, boolean met,
            BigDecimal points, Reason verified, Reason claimed) {
    }

    /**
     * Everything a figure is made of: the counted points over the applicable maxima, times 100, rounded as
     * {@link #percentages} rounds, is exactly the percentage shown; the counted points are the score.
     */
    public record Explanation(List<Line> lines, BigDecimal applicableWeight, BigDecimal verifiedWeight,
            BigDecimal claimedWeight, Percentages percentages) {

        public Score score() {
            return new Score(verifiedWeight, claimedWeight, applicableWeight);
        }
    }

    /** The explanation of the items' figures (pass one group's items for that group's figures). */
    public static Explanation explain(List<Item> items) {
        List<Line> lines = items.stream().map(item -> new Line(item.criterionCode(), item.groupCode(), item.weight(),
                item.status(), item.met(), item.points(), reason(item, EntryStatus.APPROVED),
                reason(item, EntryStatus.APPROVED, EntryStatus.SUBMITTED))).toList();
        return new Explanation(lines, maximum(items), points(items, Completion::verified),
                points(items, Completion::claimed), percentages(items));
    }

    private static Reason reason(Item item, EntryStatus... counted) {
        if (!applicable(item)) {
            return Reason.NOT_APPLICABLE;
        }
        if (item.points().signum() == 0) {
            return Reason.NOT_MET;
        }
        if (java.util.Arrays.asList(counted).contains(item.status())) {
            return Reason.COUNTS;
        }
        return switch (item.status()) {
            case SUBMITTED, NOT_APPLICABLE_REQUESTED -> Reason.NOT_APPROVED;
            case RETURNED -> Reason.RETURNED;
            default -> Reason.NOT_SUBMITTED;
        };
    }

    /** Verified and claimed percent, one decimal, or null when nothing is applicable. */
    public record Percentages(BigDecimal verified, BigDecimal claimed) {
    }

    /**
     * Points verified and claimed out of the maximum of the applicable criteria, unrounded (each criterion's points
     * have two decimals); a framework that shows points rounds them as it says when it shows them.
     */
    public record Score(BigDecimal verified, BigDecimal claimed, BigDecimal maximum) {

        /** The verified points over the maximum as a {@linkplain #keptPercent kept percent}; null when it is 0. */
        public BigDecimal verifiedPercent() {
            return maximum.signum() == 0 ? null : keptPercent(verified, maximum);
        }

        /** The claimed points over the maximum, as {@link #verifiedPercent}. */
        public BigDecimal claimedPercent() {
            return maximum.signum() == 0 ? null : keptPercent(claimed, maximum);
        }
    }

    /** Overall, and per group in the order the groups first appear; percentages and the scores they come from. */
    public record Result(Percentages overall, Map<String, Percentages> byGroup, Score overallScore,
            Map<String, Score> groupScores) {
    }

    public static Result of(List<Item> items) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : items) {
            groups.computeIfAbsent(item.groupCode(), code -> new java.util.ArrayList<>()).add(item);
        }
        Map<String, Percentages> byGroup = new LinkedHashMap<>();
        Map<String, Score> groupScores = new LinkedHashMap<>();
        groups.forEach((code, groupItems) -> {
            byGroup.put(code, percentages(groupItems));
            groupScores.put(code, score(groupItems));
        });
        return new Result(percentages(items), byGroup, score(items), groupScores);
    }

    static Score score(List<Item> items) {
        return new Score(points(items, Completion::verified), points(items, Completion::claimed), maximum(items));
    }

    static Percentages percentages(List<Item> items) {
        BigDecimal applicable = maximum(items);
        if (applicable.signum() == 0) {
            return new Percentages(null, null);
        }
        return new Percentages(percent(points(items, Completion::verified), applicable),
                percent(points(items, Completion::claimed), applicable));
    }

    private static boolean applicable(Item item) {
        return item.status() != EntryStatus.NOT_APPLICABLE;
    }

    private static boolean verified(Item item) {
        return verifies(item.status());
    }

    private static boolean claimed(Item item) {
        return claims(item.status());
    }

    /** Whether an entry's points count in the verified figure: approved by a reviewer. */
    public static boolean verifies(EntryStatus status) {
        return status == EntryStatus.APPROVED;
    }

    /** Whether an entry's points count in the claimed figure: submitted or approved, never a draft. */
    public static boolean claims(EntryStatus status) {
        return status == EntryStatus.APPROVED || status == EntryStatus.SUBMITTED;
    }

    /** The maxima of the applicable criteria: the whole a figure is a share of. */
    private static BigDecimal maximum(List<Item> items) {
        return items.stream().filter(Completion::applicable).map(Item::weight).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static BigDecimal points(List<Item> items, Predicate<Item> counts) {
        return items.stream().filter(counts).map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Part over whole as a percent with one decimal, rounded half up: the rule every figure of the tracker follows. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** The decimals a commune's percentage is kept with: exact for points and maxima kept with two. */
    public static final int KEPT_SCALE = 10;

    /**
     * Part over whole as a percent as it is kept (the summary rows, the history) and held to a target: unrounded,
     * as a percent value is held to its criterion's target. It is rounded once, when it is shown ({@link #shown}), and
     * an average or median of kept percentages is rounded once, after it is taken.
     */
    public static BigDecimal keptPercent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, KEPT_SCALE, RoundingMode.HALF_UP);
    }

    /** A kept percent as it is shown, with one decimal, rounded half up ({@link #percent}); null stays null. */
    public static BigDecimal shown(BigDecimal kept) {
        return kept == null ? null : kept.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * Whether a kept percent reaches a target percent (a plan's, a dashboard's threshold): unrounded, so that 399.95
     * points of 1,000, which a class of "from 400 points" does not take, do not reach 40% either, though both show
     * as 40,0%.
     */
    public static boolean reaches(BigDecimal kept, int target) {
        return kept != null && kept.compareTo(BigDecimal.valueOf(target)) >= 0;
    }

    /**
     * The points a percent of a maximum stands for, with two decimals as points are kept: a plan's or a dashboard's
     * threshold of 40% on a 1,000-point version is 400 points. The inverse of {@link #percent}, for thresholds only;
     * a commune's score is always its kept points, never a percentage turned back.
     */
    public static BigDecimal share(int percent, BigDecimal maximum) {
        return maximum == null ? null
                : maximum.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
