package org.communedx.service.unit;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.communedx.service.importing.ImportLimits;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.job.JobNotFoundException;
import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;
import org.communedx.service.unit.GsoListImport.CheckedList;
import org.communedx.service.unit.MergeImport.CheckedMerges;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * The GSO list and the merge mapping as the import page runs them: the file is read and checked at once, within
 * the import limits, so that a refused file is answered on the form with nothing saved; the write, seconds long for
 * the national list, runs as a background job that the administrator who started it follows, and whose counts they
 * see, as often as they look, for {@code communedx.jobs.keep-results}. The uploaded file is read whole in the
 * request, since it is gone once the request ends. No transaction of its own: the check and the write each hold
 * theirs, on different threads.
 */
@Service
public class UnitImportJobs {

    /** One kind for both imports, so that one job page serves them; the result says which of the two it was. */
    public static final String JOB_KIND = "unit-import";

    private final GsoListImport lists;

    private final MergeImport merges;

    private final BackgroundJobs jobs;

    UnitImportJobs(GsoListImport lists, MergeImport merges, BackgroundJobs jobs) {
        this.lists = lists;
        this.merges = merges;
        this.jobs = jobs;
    }

    /** The bounds of one file, the same for the list and for the merge mapping. */
    public ImportLimits limits() {
        return lists.limits();
    }

    /**
     * @return the job writing the list
     * @throws UnitImportRejected with every problem of the file; nothing is saved and no job started
     * @throws JobsBusyException when the server keeps as many jobs as it may
     */
    public UUID startList(InputStreamSource file, LocalDate listDate) {
        CheckedList list = lists.check(file, listDate);
        return jobs.start(JOB_KIND, progress -> lists.write(list, progress));
    }

    /**
     * @param provinceCodes the new provinces to import; empty for the whole file
     * @return the job writing the mapping
     * @throws UnitImportRejected with every problem of the file; nothing is saved and no job started
     * @throws JobsBusyException when the server keeps as many jobs as it may
     */
    public UUID startMerges(InputStreamSource file, LocalDate effectiveDate, String legalBasis,
            Set<String> provinceCodes) {
        CheckedMerges mapping = merges.check(file, effectiveDate, legalBasis, provinceCodes);
        return jobs.start(JOB_KIND, progress -> merges.write(mapping, progress));
    }

    /**
     * The import job's progress, for the administrator who started it; a job refused while it wrote fails with
     * the {@link UnitImportRejected} that lists why.
     * @throws JobNotFoundException unless that administrator started that import, and it is still kept
     */
    public JobStatus job(UUID id) {
        return jobs.status(id, JOB_KIND);
    }

    /**
     * What the import did: no secret, so shown as often as asked while the job is kept.
     * @return empty while the job runs or after it failed
     * @throws JobNotFoundException unless that administrator started that import, and it is still kept
     */
    public Optional<UnitImportResult> result(UUID id) {
        return jobs.result(id, JOB_KIND, UnitImportResult.class);
    }
}
