package org.communedx.service.progress;

import java.util.List;

/**
 * One page of a ranking, numbered from 1: the dashboard's and the ranking page's tables show a hundred communes at a
 * time, since a province has up to some 600 and the country 10,000; their exports hold every row.
 * @param first the position of the page's first row among all, from 1
 */
public record RankingPage<T>(List<T> rows, int number, int pages, int total, int first) {

    public static final int SIZE = 100;

    /** The page {@code number} of the rows as ordered; a page before the first shows the first, past the last the last. */
    public static <T> RankingPage<T> of(List<T> all, int number) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = Math.max(1, Math.min(number, pages));
        int first = (page - 1) * SIZE;
        return new RankingPage<>(all.subList(first, Math.min(all.size(), first + SIZE)), page, pages, all.size(),
                first + 1);
    }

    // Public: the template calls these, and SpEL calls public methods only.
    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
