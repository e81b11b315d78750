package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.communedx.model.assessment.EntryStatus;

/**
 * How far a commune has got, by criterion weight. This is the one place a completion percentage is computed and
 * rounded.
 * <ul>
 * <li><b>Applicable</b> criteria are all but those a reviewer accepted as NOT_APPLICABLE; a not-applicable
 * request still counts until it is approved.</li>
 * <li><b>Verified</b>: weights of APPROVED criteria whose value meets the target, over applicable weights.</li>
 * <li><b>Claimed</b>: as verified, but SUBMITTED criteria that meet the target count too.</li>
 * <li>Percentages are rounded half up to one decimal; with no applicable criterion there is no percentage
 * (null).</li>
 * </ul>
 */
public final class Completion {

    private Completion() {
    }

    /** One criterion as completion sees it. */
    public record Item(String criterionCode, String groupCode, BigDecimal weight, EntryStatus status, boolean met) {
    }

    /** Why a criterion adds its weight to a percentage, or why not. */
    public enum Reason {
        /** Its weight is added to the percentage. */
        COUNTS,
        /** Applicable, but its value does not meet the target (or there is no value yet). */
        NOT_MET,
        /** Its value meets the target, but it is not approved (verified) or not submitted (claimed). */
        NOT_APPROVED,
        /** A reviewer accepted it as not applicable: its weight is left out of the whole as well. */
        NOT_APPLICABLE
    }

    /** One criterion of an explanation: its weight, and its reason for the verified and the claimed figure. */
    public record Line(String criterionCode, String groupCode, BigDecimal weight, EntryStatus status, boolean met,
            Reason verified, Reason claimed) {
    }

    /**
     * Everything a percentage is made of: the counted weights over the applicable weight, times 100, rounded as
     * {@link #percentages} rounds, is exactly the percentage shown.
     */
    public record Explanation(List<Line> lines, BigDecimal applicableWeight, BigDecimal verifiedWeight,
            BigDecimal claimedWeight, Percentages percentages) {
    }

    /** The explanation of the items' percentages (pass one group's items for that group's figures). */
    public static Explanation explain(List<Item> items) {
        List<Line> lines = items.stream().map(item -> new Line(item.criterionCode(), item.groupCode(), item.weight(),
                item.status(), item.met(), reason(item, EntryStatus.APPROVED),
                reason(item, EntryStatus.APPROVED, EntryStatus.SUBMITTED))).toList();
        return new Explanation(lines, weight(items, Completion::applicable), weight(items, Completion::verified),
                weight(items, Completion::claimed), percentages(items));
    }

    private static Reason reason(Item item, EntryStatus... counted) {
        if (!applicable(item)) {
            return Reason.NOT_APPLICABLE;
        }
        if (!item.met()) {
            return Reason.NOT_MET;
        }
        return java.util.Arrays.asList(counted).contains(item.status()) ? Reason.COUNTS : Reason.NOT_APPROVED;
    }

    /** Verified and claimed percent, one decimal, or null when nothing is applicable. */
    public record Percentages(BigDecimal verified, BigDecimal claimed) {
    }

    /** Overall, and per group in the order the groups first appear. */
    public record Result(Percentages overall, Map<String, Percentages> byGroup) {
    }

    public static Result of(List<Item> items) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : items) {
            groups.computeIfAbsent(item.groupCode(), code -> new java.util.ArrayList<>()).add(item);
        }
        Map<String, Percentages> byGroup = new LinkedHashMap<>();
        groups.forEach((code, groupItems) -> byGroup.put(code, percentages(groupItems)));
        return new Result(percentages(items), byGroup);
    }

    static Percentages percentages(List<Item> items) {
        BigDecimal applicable = weight(items, Completion::applicable);
        if (applicable.signum() == 0) {
            return new Percentages(null, null);
        }
        return new Percentages(percent(weight(items, Completion::verified), applicable),
                percent(weight(items, Completion::claimed), applicable));
    }

    private static boolean applicable(Item item) {
        return item.status() != EntryStatus.NOT_APPLICABLE;
    }

    private static boolean verified(Item item) {
        return item.met() && item.status() == EntryStatus.APPROVED;
    }

    private static boolean claimed(Item item) {
        return item.met() && (item.status() == EntryStatus.APPROVED || item.status() == EntryStatus.SUBMITTED);
    }

    private static BigDecimal weight(List<Item> items, Predicate<Item> counts) {
        return items.stream().filter(counts).map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Part over whole as a percent with one decimal, rounded half up: the rule every figure of the tracker follows. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
