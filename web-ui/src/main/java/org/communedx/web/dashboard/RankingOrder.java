package org.communedx.web.dashboard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.RankingPage;
import org.communedx.service.unit.UnitNames;

/**
 * How the ranking table is sorted: links in its headers choose, so that sorting works without JavaScript. Unknown
 * keys fall back to the rank, the order the rollup gives (communes without a rank last).
 */
enum RankingOrder {

    /** The rollup's own order, which is the rank. */
    RANK("rank", (a, b) -> 0),
    NAME("name", UnitNames.comparing(CommuneFigure::name).thenComparing(CommuneFigure::code)),
    PARENT("parent", UnitNames.comparing(CommuneFigure::parentName)),
    /**
     * The rank turned round: those that have not begun first (they have no score to be low with), then the lowest
     * score; communes that share a rank keep their names' order.
     */
    LOWEST("lowest", Comparator.comparing(CommuneFigure::rank, Comparator.nullsFirst(Comparator.reverseOrder()))),
    CLAIMED("claimed", Comparator.comparing(CommuneFigure::claimed).reversed());

    private final String key;

    /** Sorts stably: what it holds equal stays in rank order. */
    private final Comparator<CommuneFigure> comparator;

    RankingOrder(String key, Comparator<CommuneFigure> comparator) {
        this.key = key;
        this.comparator = comparator;
    }

    static RankingOrder of(String key) {
        return Arrays.stream(values()).filter(order -> order.key.equals(key)).findFirst().orElse(RANK);
    }

    String key() {
        return key;
    }

    /** One page of the figures, given in rank order, sorted this way; the exports hold every row. */
    RankingPage<CommuneFigure> page(List<CommuneFigure> ranked, int number) {
        return RankingPage.of(ranked.stream().sorted(comparator).toList(), number);
    }
}
