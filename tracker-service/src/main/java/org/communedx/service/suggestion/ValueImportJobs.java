package org.communedx.service.suggestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.communedx.service.Actors;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.LimitedInputStream;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.job.JobNotFoundException;
import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Value imports as the import page runs them: the upload is bounded (its declared size first, then every byte
 * copied), copied to a file of its own, since the request's is gone once it answers, and read, checked and written
 * in the background, where the one who sent it follows the reading and then sees, and downloads, what was imported
 * or every problem, for {@code communedx.jobs.keep-results}.
 */
@Service
public class ValueImportJobs {

    public static final String JOB_KIND = "value-import";

    private final ValueImport imports;

    private final BackgroundJobs jobs;

    /** Each job's own progress, which {@link JobStatus}'s single count cannot tell (bytes read, then values). */
    private final Map<UUID, ValueImportProgress> progress = new ConcurrentHashMap<>();

    ValueImportJobs(ValueImport imports, BackgroundJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /**
     * @param size the upload's size as the request declares it, checked before a byte is read
     * @return the job reading, checking and writing the file
     * @throws ValueImportRefused for a period closed to commune staff or a file beyond the byte limit; nothing is
     *     kept and no job started
     * @throws JobsBusyException when the server keeps as many jobs as it may
     */
    public UUID start(long periodId, String fileName, long size, InputStreamSource file) {
        ValueImportProblem closed = imports.closed(imports.period(periodId));
        if (closed != null) {
            throw new ValueImportRefused(closed);
        }
        long maxBytes = imports.limits().maxBytes();
        if (size > maxBytes) {
            throw tooLarge();
        }
        Path copy = copy(file, maxBytes);
        String source = ValueImport.source(fileName, Actors.username());
        ValueImportProgress stage = new ValueImportProgress();
        UUID id;
        try {
            id = jobs.start(JOB_KIND, ignored -> {
                try {
                    return imports.run(periodId, copy, fileName, source, stage);
                }
                finally {
                    deleteQuietly(copy);
                }
            });
        }
        catch (RuntimeException notStarted) {
            deleteQuietly(copy);
            throw notStarted;
        }
        progress.put(id, stage);
        return id;
    }

    private ValueImportRefused tooLarge() {
        return new ValueImportRefused(new ValueImportProblem(0, null, "import.limit.fileSize",
                List.of(imports.limits().maxSize())));
    }

    private Path copy(InputStreamSource file, long maxBytes) {
        Path copy = null;
        try {
            copy = Files.createTempFile("communedx-values-", ".upload");
            try (InputStream in = new LimitedInputStream(file.getInputStream(), maxBytes)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
        catch (ImportFileRefused refused) {
            deleteQuietly(copy);
            throw tooLarge();
        }
        catch (IOException ex) {
            deleteQuietly(copy);
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The job's state, for the one who started it.
     * @throws JobNotFoundException unless that user started that import, and it is still kept
     */
    public JobStatus job(UUID id) {
        try {
            return jobs.status(id, JOB_KIND);
        }
        catch (JobNotFoundException gone) {
            progress.remove(id);
            throw gone;
        }
    }

    /** How far the job has come, in its own steps; the caller has checked {@link #job}. */
    public ValueImportProgress progress(UUID id) {
        return progress.getOrDefault(id, new ValueImportProgress());
    }

    /**
     * What the import did, as often as asked while the job is kept.
     * @return empty while the job runs or after it failed
     * @throws JobNotFoundException unless that user started that import, and it is still kept
     */
    public Optional<ValueImportResult> result(UUID id) {
        Optional<ValueImportResult> result = jobs.result(id, JOB_KIND, ValueImportResult.class);
        result.ifPresent(done -> progress.remove(id));
        return result;
    }

    private static void deleteQuietly(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
        }
        catch (IOException ex) {
            // A copy left in the temporary directory changes nothing about the import.
        }
    }
}
