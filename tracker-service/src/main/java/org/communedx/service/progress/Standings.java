package org.communedx.service.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import org.communedx.model.framework.ScoreSettings;
import org.communedx.service.unit.UnitNames;

/**
 * The one rule by which communes are ranked, wherever a rank is shown: the dashboard, the province's ranking page, and
 * their reports and exports. Communes are ranked by their verified score as the period's version shows it (points
 * rounded to its decimals, else the percentage to one decimal), best first; equal scores share a rank and the next
 * rank skips as many (1, 2, 2, 4); equal scores are listed by name in Vietnamese order ({@link UnitNames}), then
 * code. A commune without an assessment has no score and no rank and is listed last: it has not begun, which is not
 * the same as having begun and scored nothing.
 */
public final class Standings {

    private static final Comparator<Keyed<?>> ORDER = Comparator
            .comparing((Keyed<?> keyed) -> keyed.contender().standing(),
                    Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Keyed::name).thenComparing(keyed -> keyed.contender().code());

    private Standings() {
    }

    /** A commune to rank. */
    public interface Contender {

        String code();

        String name();

        /** What the commune is ranked by ({@link Standings#score}), or null without an assessment. */
        BigDecimal standing();
    }

    /**
     * The score a commune is ranked by, as the version shows it, or null for a commune without an assessment.
     * @param verifiedPoints the commune's verified points, null without an assessment
     * @param verifiedPercent the commune's verified completion, null without an assessment
     */
    public static BigDecimal score(ScoreSettings settings, BigDecimal verifiedPoints, BigDecimal verifiedPercent) {
        if (settings.points()) {
            return settings.round(verifiedPoints);
        }
        return verifiedPercent == null ? null : verifiedPercent.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The contenders in rank order, each made into what the caller shows with its rank (null without a score).
     */
    public static <C extends Contender, R> List<R> rank(List<C> contenders, BiFunction<C, Integer, R> ranked) {
        List<Keyed<C>> sorted = new ArrayList<>(contenders.size());
        for (C contender : contenders) {
            sorted.add(new Keyed<>(contender, UnitNames.key(contender.name())));
        }
        sorted.sort(ORDER);
        List<R> result = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            C contender = sorted.get(i).contender();
            BigDecimal standing = contender.standing();
            if (standing != null && (previous == null || standing.compareTo(previous) != 0)) {
                rank = i + 1;
                previous = standing;
            }
            result.add(ranked.apply(contender, standing == null ? null : rank));
        }
        return result;
    }

    private record Keyed<C extends Contender>(C contender, UnitNames.NameKey name) {
    }
}
