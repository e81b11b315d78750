package org.communedx.web.dashboard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.communedx.service.progress.ProgressViews.CommuneFigure;

/**
 * How the ranking table is sorted: links in its headers choose, so that sorting works without JavaScript. Unknown
 * keys fall back to the rank.
 */
enum RankingOrder {

    RANK("rank", Comparator.comparingInt(CommuneFigure::rank).thenComparing(CommuneFigure::name)),
    NAME("name", Comparator.comparing(CommuneFigure::name).thenComparing(CommuneFigure::code)),
    PARENT("parent", Comparator.comparing(CommuneFigure::parentName).thenComparingInt(CommuneFigure::rank)),
    LOWEST("lowest", Comparator.comparing(CommuneFigure::verified).thenComparing(CommuneFigure::claimed)
            .thenComparing(CommuneFigure::name)),
    CLAIMED("claimed", Comparator.comparing(CommuneFigure::claimed).reversed().thenComparingInt(CommuneFigure::rank));

    private final String key;

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

    List<CommuneFigure> sorted(List<CommuneFigure> figures) {
        return figures.stream().sorted(comparator).toList();
    }
}
