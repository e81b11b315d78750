package org.communedx.web.job;

import org.communedx.service.job.JobStatus;

/**
 * What a background job's page polls, as JSON, so that it can show progress without reloading; the same for every
 * kind of job, since one script reads them all.
 */
public record JobProgressView(JobStatus.State state, int done, int total, int percent, boolean finished) {

    public static JobProgressView of(JobStatus job) {
        return new JobProgressView(job.state(), job.done(), job.total(), job.percent(), job.finished());
    }
}
