package org.communedx.service.mapping;

import java.util.Optional;
import java.util.UUID;

import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.job.JobNotFoundException;
import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;

import org.springframework.stereotype.Service;

/**
 * A prefill as the mapping page runs it: checked at once, so that a refused prefill is answered on the page with
 * every problem and nothing written; written in the background, a commune at a time, on a job page that the
 * administrator who started it follows. No transaction of its own: the check and the write each hold theirs.
 */
@Service
public class PrefillJobs {

    public static final String JOB_KIND = "mapping-prefill";

    private final Prefill prefill;

    private final BackgroundJobs jobs;

    PrefillJobs(Prefill prefill, BackgroundJobs jobs) {
        this.prefill = prefill;
        this.jobs = jobs;
    }

    /**
     * @throws PrefillRefused with every problem; nothing is written and no job started
     * @throws MappingNotFoundException when there is no such mapping
     * @throws JobsBusyException when the server keeps as many jobs as it may
     */
    public UUID start(long mappingId, long periodId) {
        Prefill.Checked checked = prefill.check(mappingId, periodId);
        return jobs.start(JOB_KIND, progress -> prefill.write(checked, progress));
    }

    /** @throws JobNotFoundException unless the current administrator started that prefill, and it is still kept */
    public JobStatus job(UUID id) {
        return jobs.status(id, JOB_KIND);
    }

    /**
     * What the prefill wrote, as often as asked while the job is kept.
     * @return empty while the job runs or after it failed
     */
    public Optional<PrefillResult> result(UUID id) {
        return jobs.result(id, JOB_KIND, PrefillResult.class);
    }
}
