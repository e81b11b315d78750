package org.communedx.service.job;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the administrator who started a job may know of it.
 *
 * @param done steps finished, of {@code total} (0 while the job does not know its size yet)
 * @param keptUntil when the job and any result not fetched are forgotten; null while it runs
 * @param resultAvailable whether {@link BackgroundJobs#takeResult} would hand the result over
 * @param failure why the job failed: a {@link JobRefusal} to show, or an error that was logged
 */
public record JobStatus(UUID id, String kind, State state, int done, int total, Instant queuedAt,
        @Nullable Instant finishedAt, @Nullable Instant keptUntil, boolean resultAvailable,
        @Nullable RuntimeException failure) {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** Whole percent done, for a progress bar; 0 while the size is unknown. */
    public int percent() {
        return total == 0 ? 0 : (int) Math.min(100, 100L * done / total);
    }

    /** The refusal to show when the job failed for a reason the administrator can act on. */
    public @Nullable JobRefusal refusal() {
        return failure instanceof JobRefusal refusal ? refusal : null;
    }
}
