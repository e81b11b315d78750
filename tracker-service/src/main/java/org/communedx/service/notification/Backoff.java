package org.communedx.service.notification;

import java.time.Duration;

/**
 * How long a failed e-mail waits before its next try: {@code base} after the first failure, doubling with each further
 * one, never more than {@code max}; after {@code maxAttempts} tries it is given up.
 */
record Backoff(Duration base, Duration max, int maxAttempts) {

    Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Back-off needs 0 < base <= max and at least one attempt");
        }
    }

    /** The wait after {@code failures} failed tries (1 for the first). */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        // Doubling 62 times overflows a long of nanoseconds long before; the cap is reached far sooner anyway.
        int doublings = Math.min(failures - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether an e-mail that failed {@code failures} times is given up. */
    boolean givesUpAfter(int failures) {
        return failures >= maxAttempts;
    }
}
