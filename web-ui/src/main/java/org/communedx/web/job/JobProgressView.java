package org.communedx.web.job;

import java.util.Locale;

import org.communedx.service.job.JobStatus;

import org.springframework.context.MessageSource;

/**
 * What a background job's page polls, as JSON, so that it can show progress without reloading; the same for every
 * kind of job, since one script reads them all.
 * @param text the line the page shows, worded here: "Created 3 of 1 user" is the message's plural forms to get right,
 *        not a script's to fill in
 */
public record JobProgressView(JobStatus.State state, long done, long total, int percent, boolean finished,
        String text) {

    /**
     * @param running the key of the job's line while it runs, with {0} done of {1} ("users.job.running"); before the
     *        job has counted its work, {@code job.queued}
     */
    public static JobProgressView of(JobStatus job, MessageSource messages, String running, Locale locale) {
        String text = job.total() == 0 ? messages.getMessage("job.queued", null, locale)
                : messages.getMessage(running, new Object[] { job.done(), job.total() }, locale);
        return new JobProgressView(job.state(), job.done(), job.total(), job.percent(), job.finished(), text);
    }
}
