package org.communedx.service;

import java.util.function.IntFunction;

import org.springframework.data.domain.Page;

/**
 * The one bound on a page number that a link or a script sends. On the pages a list's page past its last shows the
 * last, as a ranking's does: a link kept from a longer list, or a number typed, lands on rows, not on an empty page
 * that still counts them ({@link #within}, {@link #found}). The API answers it empty ({@link #bounded}).
 */
public final class Pages {

    /**
     * The furthest page a number is taken as before it meets the list: far past any real list, and low enough that
     * its offset (page × size, sizes up to a few hundred) stays an int, never an overflow.
     */
    private static final int MAX = 1_000_000;

    private Pages() {
    }

    /**
     * The page asked for, from 0, within 0 and {@link #MAX}: for the API, whose scripts read pages until one comes
     * back empty, and so must get an empty one past the end.
     */
    public static int bounded(int page) {
        return Math.max(0, Math.min(page, MAX));
    }

    /** The page asked for, from 0, of a list of {@code total} rows {@code size} a page: past the last, the last. */
    public static int within(int page, long total, int size) {
        long last = Math.max(0, (total - 1) / Math.max(1, size));
        return (int) Math.min(bounded(page), last);
    }

    /**
     * The page asked for, from 0, of what {@code numbered} finds by page number: past the last, found again as the
     * last (a second query only then).
     */
    public static <T> Page<T> found(int page, IntFunction<Page<T>> numbered) {
        Page<T> found = numbered.apply(bounded(page));
        boolean past = found.getContent().isEmpty() && found.getNumber() > 0;
        return past ? numbered.apply(Math.max(0, found.getTotalPages() - 1)) : found;
    }
}
