package org.communedx.service.job;

import java.util.concurrent.atomic.AtomicInteger;

/** How far a background job has come, in steps of its own choosing: users created, rows written. */
public final class JobProgress {

    private final AtomicInteger done = new AtomicInteger();

    private volatile int total;

    /** A fresh count; {@link BackgroundJobs} gives each job its own, and a caller running the work itself one too. */
    public JobProgress() {
    }

    /** How many steps the whole job takes, once it knows. */
    public void total(int steps) {
        total = steps;
    }

    public void advance() {
        done.incrementAndGet();
    }

    public int done() {
        return done.get();
    }

    public int total() {
        return total;
    }
}
