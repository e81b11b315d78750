package org.communedx.service;

/** The one bound on a page number that a link or a script sends. */
public final class Pages {

    /**
     * The last page any list opens: far past any real list, and low enough that its offset (page × size, sizes up
     * to a few hundred) stays an int. Past it a list answers its last allowed page, empty, never an overflow.
     */
    public static final int MAX = 1_000_000;

    private Pages() {
    }

    /** The page asked for, from 0, within 0 and {@link #MAX}. */
    public static int bounded(int page) {
        return Math.max(0, Math.min(page, MAX));
    }
}
