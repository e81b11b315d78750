package org.communedx.service.testsupport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one budget every wait of the tests derives from: {@code -Dcommunedx.test.wait} (an ISO-8601 duration, set by
 * the parent pom, PT5M unless overridden). The whole budget is for the slowest thing a test waits on, an application
 * start; shorter waits take a part of it. On a machine that other work also loads, everything is slower by the same
 * factor, so raising the one budget raises every wait with it; no wait is fixed in seconds, which is how a 90 s
 * wait once failed two builds whose child application needed 173 s.
 */
public final class TestWait {

    public static final String PROPERTY = "communedx.test.wait";

    private static final Duration DEFAULT = Duration.ofMinutes(5);

    /** The start that the product's own time targets describe: a minute on an idle development machine at most. */
    private static final Duration IDLE_START = Duration.ofMinutes(1);

    private TestWait() {
    }

    /** The budget itself: an application start, a child JVM's exit. */
    public static Duration budget() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? DEFAULT : Duration.parse(value);
    }

    /** One part in {@code parts} of the budget: a page, a request, a lock, a stop (with 10, 30 s by default). */
    public static Duration part(int parts) {
        return budget().dividedBy(parts);
    }

    /**
     * A product time target (e.g. "fails within 5 s") stretched by how much slower than an idle machine the budget
     * allows a start to be (5 times, by default): a test that checks the target must not fail because the machine is
     * busy, yet fails when the target is missed by far, as when a whole database was created first.
     */
    public static Duration target(Duration onAnIdleMachine) {
        long factor = Math.max(1, budget().toMillis() / IDLE_START.toMillis());
        return onAnIdleMachine.multipliedBy(factor);
    }

    /**
     * Waits, within the budget, for a latch the test counts down: the work of a background job that holds the one
     * worker, so that a job started after it is seen waiting whatever the machine's speed.
     */
    public static boolean released(CountDownLatch release) {
        try {
            return release.await(budget().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
