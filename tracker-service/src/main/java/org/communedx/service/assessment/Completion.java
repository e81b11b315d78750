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
    public record Item(String groupCode, BigDecimal weight, EntryStatus status, boolean met) {
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
        BigDecimal applicable = weight(items, item -> item.status() != EntryStatus.NOT_APPLICABLE);
        if (applicable.signum() == 0) {
            return new Percentages(null, null);
        }
        BigDecimal verified = weight(items, item -> item.met() && item.status() == EntryStatus.APPROVED);
        BigDecimal claimed = weight(items, item -> item.met()
                && (item.status() == EntryStatus.APPROVED || item.status() == EntryStatus.SUBMITTED));
        return new Percentages(percent(verified, applicable), percent(claimed, applicable));
    }

    private static BigDecimal weight(List<Item> items, Predicate<Item> counts) {
        return items.stream().filter(counts).map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
