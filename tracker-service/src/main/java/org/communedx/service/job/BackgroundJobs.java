package org.communedx.service.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Administrative work that outlasts what a browser or a proxy waits for, a thousand users' passwords or the national
 * list of units say, run one job at a time in the background. The administrator who started a job follows its
 * progress and fetches its result within {@code communedx.jobs.keep-results}, unless that administrator keeps
 * {@code communedx.jobs.max-kept} jobs and a new one of theirs takes the place of their oldest finished: a secret
 * (one-time passwords) once,
 * after which it is forgotten, and a plain account of what was done (an import's counts) as often as asked. A result
 * nobody fetched in time is forgotten too. Nobody else learns that the job exists.
 *
 * <p>Jobs live in this process's memory: a restart loses those not finished, whose work rolls back with its
 * transaction, and the results not yet fetched, which are secrets best not written anywhere.
 */
@Service
public class BackgroundJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    /** One worker: the jobs are CPU-bound (bcrypt) and the pages must stay responsive beside them. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "background-job");
        thread.setDaemon(true);
        return thread;
    });

    private final Clock clock;

    private final Duration keepResults;

    private final int maxJobs;

    BackgroundJobs(Clock clock, CommuneDxProperties properties) {
        this.clock = clock;
        this.keepResults = properties.jobs().keepResults();
        this.maxJobs = properties.jobs().maxKept();
    }

    /**
     * Queues {@code work} under the current user's name and security context; it reports its progress to the
     * {@link JobProgress} it is given, and its return value becomes the job's result.
     * @throws JobsBusyException when {@code communedx.jobs.max-kept} jobs are already queued or running
     */
    public synchronized <R> UUID start(String kind, Function<JobProgress, R> work) {
        forgetExpired();
        String owner = Actors.username();
        List<Job> own = jobs.values().stream().filter(job -> job.owner.equals(owner)).toList();
        if (own.size() >= maxJobs) {
            // A finished job, kept only to be looked at again, gives way to its own starter's new work, the oldest
            // first. Counted, twenty refused imports of one official had locked every province's imports for half an
            // hour; given way to anyone's, a manager's value imports took the place of an administrator's one-time
            // passwords before they were seen. So the jobs kept are at most the limit per user.
            own.stream().filter(job -> job.finishedAt != null).min(Comparator.comparing((Job job) -> job.finishedAt))
                    .ifPresent(oldest -> jobs.remove(oldest.id));
        }
        if (jobs.values().stream().filter(job -> job.finishedAt == null).count() >= maxJobs) {
            throw new JobsBusyException(maxJobs);
        }
        Job job = new Job(UUID.randomUUID(), kind, owner, clock.instant());
        jobs.put(job.id, job);
        worker.execute(new DelegatingSecurityContextRunnable(RequestOrigin.carriedInto(() -> job.run(work, clock))));
        return job.id;
    }

    /**
     * @throws JobNotFoundException unless the job exists, is of that kind, is still kept and was started by the
     *     current user
     */
    public JobStatus status(UUID id, String kind) {
        return owned(id, kind).status(keepResults);
    }

    /**
     * The job's result, handed over once: afterwards only its status remains.
     * @return empty while the job runs, after it failed, or once its result was fetched or expired
     * @throws JobNotFoundException unless the job exists, is of that kind, is still kept and was started by the
     *     current user
     */
    public <R> Optional<R> takeResult(UUID id, String kind, Class<R> type) {
        return owned(id, kind).take().map(type::cast);
    }

    /**
     * The job's result, as often as asked while the job is kept, so that a reload or a lost answer shows it again:
     * for results that are no secret. A secret is handed over with {@link #takeResult} instead.
     * @return empty while the job runs, after it failed, or once its result was taken
     * @throws JobNotFoundException unless the job exists, is of that kind, is still kept and was started by the
     *     current user
     */
    public <R> Optional<R> result(UUID id, String kind, Class<R> type) {
        return owned(id, kind).peek().map(type::cast);
    }

    /**
     * The current user's jobs still kept, whether queued, running, or finished and not yet forgotten, newest first:
     * what their home page lists. Nobody sees another's.
     */
    public List<JobStatus> ownJobs() {
        forgetExpired();
        String owner = Actors.username();
        return jobs.values().stream().filter(job -> job.owner.equals(owner))
                .sorted(Comparator.comparing((Job job) -> job.queuedAt).reversed())
                .map(job -> job.status(keepResults)).toList();
    }

    private Job owned(UUID id, String kind) {
        forgetExpired();
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.kind.equals(kind) || !job.owner.equals(Actors.username())) {
            throw new JobNotFoundException(id);
        }
        return job;
    }

    /** A finished job is kept, result or none, for {@code keepResults} after it finished. */
    private void forgetExpired() {
        Instant now = clock.instant();
        jobs.values().removeIf(job -> job.expired(now, keepResults));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static final class Job {

        private final UUID id;

        private final String kind;

        private final String owner;

        private final Instant queuedAt;

        private final JobProgress progress = new JobProgress();

        private volatile JobStatus.State state = JobStatus.State.QUEUED;

        private volatile Instant finishedAt;

        private volatile RuntimeException failure;

        private Object result;

        private boolean resultTaken;

        Job(UUID id, String kind, String owner, Instant queuedAt) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.queuedAt = queuedAt;
        }

        void run(Function<JobProgress, ?> work, Clock clock) {
            state = JobStatus.State.RUNNING;
            try {
                Object value = work.apply(progress);
                synchronized (this) {
                    result = value;
                }
                state = JobStatus.State.DONE;
            }
            catch (RuntimeException ex) {
                // Refusals (a username taken meanwhile, say) are for the administrator; anything else is logged too.
                if (!(ex instanceof JobRefusal)) {
                    log.error("Background job {} ({}) failed", id, kind, ex);
                }
                failure = ex;
                state = JobStatus.State.FAILED;
            }
            finally {
                finishedAt = clock.instant();
            }
        }

        synchronized Optional<Object> take() {
            if (state != JobStatus.State.DONE || resultTaken) {
                return Optional.empty();
            }
            resultTaken = true;
            Object taken = result;
            result = null;
            return Optional.ofNullable(taken);
        }

        synchronized Optional<Object> peek() {
            if (state != JobStatus.State.DONE || resultTaken) {
                return Optional.empty();
            }
            return Optional.ofNullable(result);
        }

        boolean expired(Instant now, Duration keep) {
            Instant finished = finishedAt;
            return finished != null && finished.plus(keep).isBefore(now);
        }

        synchronized JobStatus status(Duration keep) {
            Instant finished = finishedAt;
            return new JobStatus(id, kind, state, progress.done(), progress.total(), queuedAt, finished,
                    finished == null ? null : finished.plus(keep), state == JobStatus.State.DONE && !resultTaken,
                    failure);
        }
    }
}
