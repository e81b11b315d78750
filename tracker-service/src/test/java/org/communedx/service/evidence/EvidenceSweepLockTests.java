package org.communedx.service.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.instance.InstanceName;
import org.communedx.service.revision.DataRevision;
import org.communedx.service.testsupport.TestWait;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic sweep runs on one instance at a time: other instances are played by lock providers of their own on the
 * same database, as each instance has one.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class EvidenceSweepLockTests {

    private static final String RACE = "test-run-once";

    @Autowired
    EvidenceSweep sweep;

    @Autowired
    LocalEvidenceStore store;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataRevision revision;

    @Autowired
    Environment environment;

    /**
     * As when a lock has run out. (Not by removing the rows: a lock provider remembers which rows exist, and only
     * updates those.)
     */
    @BeforeEach
    void noLockIsHeld() {
        jdbc.update("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' "
                + "where name in (?, ?)", EvidenceSweep.LOCK, RACE);
    }

    @Test
    void theSweepIsSkippedWhileAnotherInstanceHoldsItsLock() throws Exception {
        Path orphan = oldOrphan("swept by whoever holds the lock");
        SimpleLock heldElsewhere = otherInstance("other-instance")
                .lock(new LockConfiguration(Instant.now(), EvidenceSweep.LOCK, Duration.ofMinutes(10), Duration.ZERO))
                .orElseThrow();

        sweep.scheduled();

        assertThat(orphan).as("the other instance sweeps, not this one").exists();

        heldElsewhere.unlock();
        long revisionBefore = revision.current();
        sweep.scheduled();

        assertThat(orphan).as("the lock was free again").doesNotExist();
        assertThat(jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class,
                EvidenceSweep.LOCK)).isEqualTo(InstanceName.of(environment));
        assertThat(revision.current()).as("taking a lock changes no data a page shows").isEqualTo(revisionBefore);
    }

    @Test
    void aSweepRightAfterAnotherIsSkippedByTheDatabasesClock() throws Exception {
        sweep.scheduled();
        Path orphan = oldOrphan("left for the next period");

        sweep.scheduled();

        assertThat(orphan).as("the lock is held at least 5 minutes after a sweep started").exists();
        assertThat(jdbc.queryForObject("select lock_until >= locked_at + interval '5 minutes' "
                + "and lock_until > timezone('utc', now()) from shedlock where name = ?", Boolean.class,
                EvidenceSweep.LOCK)).isTrue();
        Files.delete(orphan);
    }

    /**
     * Instances that start the same work at the same moment: one runs it, and it is still running while every other
     * gives up, so that none could have waited for it to finish.
     */
    @Test
    void workStartedOnSeveralInstancesAtOnceRunsOnce() throws Exception {
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        CountDownLatch othersGaveUp = new CountDownLatch(instances - 1);
        AtomicInteger runs = new AtomicInteger();
        Duration wait = TestWait.part(10);
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> ran = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                LockProvider instance = otherInstance("instance-" + i);
                ran.add(threads.submit(() -> {
                    start.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                    TaskResult<Boolean> result;
                    try {
                        result = new DefaultLockingTaskExecutor(instance).executeWithLock(() -> {
                            runs.incrementAndGet();
                            return othersGaveUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                        }, new LockConfiguration(Instant.now(), RACE, Duration.ofMinutes(1), Duration.ZERO));
                    }
                    catch (Throwable failure) {
                        throw new IllegalStateException(failure);
                    }
                    if (!result.wasExecuted()) {
                        othersGaveUp.countDown();
                    }
                    return result.wasExecuted() && result.getResult();
                }));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : ran) {
                outcomes.add(outcome.get(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS));
            }

            assertThat(runs).hasValue(1);
            assertThat(outcomes).as("the one that ran saw every other give up meanwhile").containsOnlyOnce(true);
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** Another instance's lock provider, configured as the application configures its own. */
    private LockProvider otherInstance(String name) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withLockedByValue(name)
                .usingDbTime()
                .build());
    }

    /** A stored file that no row refers to, unused for longer than the grace period. */
    private Path oldOrphan(String text) throws IOException, NoSuchAlgorithmException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Path file = store.path(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        return file;
    }
}
