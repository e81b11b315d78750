package org.communedx.service.job;

import java.util.concurrent.atomic.AtomicInteger;

/** How far a background job has come, in steps of its own choosing: users created, rows written. */
public final class JobProgress {

    private final AtomicInteger done = new AtomicInteger();

    private volatile int total;

    JobProgress() {
    }

    /** How many steps the whole job takes, once it knows. */
    public void total(int steps) {
        total = steps;
    }

    public void advance() {
        done.incrementAndGet();
    }

    int done() {
        return done.get();
    }

    int total() {
        return total;
    }
}
