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

    /**
     * One page of the sorted figures. A province has up to 600 communes and the country 10,000: a page of 100 keeps
     * the dashboard within its 150 KB, and the exports hold every row.
     */
    Page page(List<CommuneFigure> figures, int number) {
        int pages = Math.max(1, (figures.size() + Page.SIZE - 1) / Page.SIZE);
        int page = Math.max(1, Math.min(number, pages));
        List<CommuneFigure> rows = figures.stream().sorted(comparator).skip((long) (page - 1) * Page.SIZE)
                .limit(Page.SIZE).toList();
        return new Page(rows, page, pages, figures.size(), (page - 1) * Page.SIZE + 1);
    }

    /** @param first the position of the page's first row among all, from 1 */
    record Page(List<CommuneFigure> rows, int number, int pages, int total, int first) {

        static final int SIZE = 100;

        // Public: the template calls these, and SpEL calls public methods only.
        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }
}
