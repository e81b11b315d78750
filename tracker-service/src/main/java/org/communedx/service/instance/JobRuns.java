package org.communedx.service.instance;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communedx.service.Actors;
import org.communedx.service.Pages;
import org.communedx.service.revision.DataRevision;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The record of every scheduled job's runs ({@code job_run}), written around each {@code @SchedulerLock} method by
 * {@link JobRunRecording} whoever wrote the job, and what administrators read of it. Each row is written in a
 * transaction of its own (a job's failure rolls its own work back, not the record of it), and, being bookkeeping that
 * no kept page shows, without moving the {@link DataRevision}.
 */
@Service
public class JobRuns {

    /** The longest error text kept of a failed run. */
    static final int MAX_ERROR = 500;

    /**
     * How long a run is kept: the sender alone runs every half minute by default, some 2,900 rows a day, so the record
     * forgets what is older than this, at the end of each run.
     */
    static final Duration KEPT = Duration.ofDays(30);

    /** The most runs on one page of the history. */
    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    private final TransactionTemplate ownTransaction;

    private final DataRevision revision;

    private final ObjectProvider<ScheduledTaskHolder> schedulers;

    private final Clock clock;

    private final String instance;

    JobRuns(JdbcClient jdbc, PlatformTransactionManager transactions, DataRevision revision,
            ObjectProvider<ScheduledTaskHolder> schedulers, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.revision = revision;
        this.schedulers = schedulers;
        this.clock = clock;
        this.instance = InstanceName.of(environment);
    }

    /** Records that the job started here, now; the id is for {@link #finished}. */
    long started(String job) {
        return ownTransaction.execute(status -> {
            revision.excludeCurrentTransaction();
            return jdbc.sql("""
                    insert into job_run (job_name, instance, started_at, outcome) values (?, ?, ?, 'RUNNING')
                    returning id""").param(job).param(instance).param(Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        });
    }

    /** Records the run's end: OK without {@code failure}, else FAILED with its message (bounded). */
    void finished(long run, @Nullable Throwable failure) {
        String error = failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        ownTransaction.executeWithoutResult(status -> {
            revision.excludeCurrentTransaction();
            Instant now = clock.instant();
            jdbc.sql("update job_run set finished_at = ?, outcome = ?, error = ? where id = ?")
                    .param(Timestamp.from(now)).param(failure == null ? "OK" : "FAILED")
                    .param(error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR)))
                    .param(run).update();
            jdbc.sql("delete from job_run where started_at < ?").param(Timestamp.from(now.minus(KEPT))).update();
        });
    }

    /**
     * Every job this instance schedules, and every job that ever ran anywhere, by name: its last run and when this
     * instance will next try it (null for a job it does not schedule).
     */
    public List<JobOverview> overview() {
        requireAdmin();
        Map<String, Instant> next = nextRuns();
        Map<String, RunView> last = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (job_name) id, job_name, instance, started_at, finished_at, outcome, error
                from job_run order by job_name, started_at desc, id desc""")
                .query(JobRuns::run).list().forEach(run -> last.put(run.job(), run));
        TreeSet<String> names = new TreeSet<>(next.keySet());
        names.addAll(last.keySet());
        return names.stream().map(name -> new JobOverview(name, last.get(name), next.get(name))).toList();
    }

    /**
     * The runs of one job, or of every job when {@code job} is null, newest first, a page at a time: the sender runs
     * every half minute, so without a choice of job the others' runs lie pages deep.
     */
    public RunPage history(@Nullable String job, int page, int size) {
        requireAdmin();
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        long total = jdbc.sql("select count(*) from job_run where (cast(? as text) is null or job_name = ?)")
                .param(job).param(job).query(Long.class).single();
        int boundedPage = Pages.within(page, total, boundedSize);
        List<RunView> runs = jdbc.sql("""
                select id, job_name, instance, started_at, finished_at, outcome, error from job_run
                where (cast(? as text) is null or job_name = ?)
                order by started_at desc, id desc limit ? offset ?""")
                .param(job).param(job).param(boundedSize).param((long) boundedPage * boundedSize)
                .query(JobRuns::run).list();
        return new RunPage(runs, boundedPage, boundedSize, total);
    }

    /** When each locked job scheduled in this instance runs next, from Spring's own scheduled tasks. */
    private Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new LinkedHashMap<>();
        schedulers.orderedStream().flatMap(holder -> holder.getScheduledTasks().stream()).forEach(task -> {
            String name = lockName(task);
            // Spring works the time out as now plus the timer's remaining delay, a few milliseconds short of the
            // cron's own: 07:59:59.996 for 08:00 would show as 07:59.
            Instant at = task.nextExecution();
            if (at != null) {
                at = at.plusMillis(500).truncatedTo(ChronoUnit.SECONDS);
            }
            if (name != null && at != null) {
                next.merge(name, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        return next;
    }

    /**
     * The lock's name of a scheduled method's task. Spring wraps the method's runnable in one of its own that says
     * nothing of the method but its name, {@code ScheduledMethodRunnable}'s {@code "<class>.<method>"}: the method is
     * found again from that.
     */
    private @Nullable String lockName(ScheduledTask task) {
        String described = task.getTask().toString();
        int dot = described.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            Class<?> type = ClassUtils.forName(described.substring(0, dot), getClass().getClassLoader());
            String methodName = described.substring(dot + 1);
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
                String name = method.getName().equals(methodName) ? lockName(method) : null;
                if (name != null) {
                    return name;
                }
            }
        }
        catch (ClassNotFoundException | LinkageError ex) {
            // Not a method's task (a lambda's, say): not a job this page lists.
        }
        return null;
    }

    static @Nullable String lockName(Method method) {
        SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
        return lock == null ? null : lock.name();
    }

    private static void requireAdmin() {
        Actors.requireAnyRole("Scheduled jobs are for administrators", "ADMIN");
    }

    private static RunView run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RunView(rs.getLong("id"), rs.getString("job_name"), rs.getString("instance"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("outcome"), rs.getString("error"));
    }

    /** One run of a job: outcome RUNNING, OK or FAILED (with its error). */
    public record RunView(long id, String job, String instance, Instant startedAt, @Nullable Instant finishedAt,
            String outcome, @Nullable String error) {
    }

    /** A job by name, its last run (if any) and this instance's next (if it schedules it). */
    public record JobOverview(String name, @Nullable RunView last, @Nullable Instant nextRun) {
    }

    /** A page of runs, newest first. */
    public record RunPage(List<RunView> runs, int page, int size, long total) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }
}
