package org.communedx.service.revision;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.communedx.service.instance.SessionStore;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A number that moves on after every committed transaction that wrote to the database, and at no other time: what
 * was worked out from the data while the number read {@code n} may be kept and served for as long as it still reads
 * {@code n}, and can never be stale (the rendered pages of {@code RenderedPages} are kept so).
 * <p>
 * It moves once the commit has returned, in the committing thread, before the request that wrote answers: the
 * writer's next request, and anyone's request that reads the number afterwards, finds it moved. Read it before
 * reading any of the data, so that what is kept under a number was read from at least that state.
 * <p>
 * Where it lives follows {@link SessionStore}: with sessions in memory only this instance may use the database
 * ({@code SingleInstanceGuard}), so the number is a counter in this JVM and costs nothing to read. With shared
 * sessions several instances may write, so the number is the one row of {@code data_revision}, moved by every
 * transaction that wrote, in that transaction, just before it commits: no instance can see the write without seeing
 * the number moved, nor the number moved before the write. Each read is then one indexed query of a one-row table
 * (see docs/performance.md for what it costs).
 */
@Component
public class DataRevision implements TransactionExecutionListener {

    private final AtomicLong revision = new AtomicLong();

    private final EntityManagerFactory entityManagerFactory;

    private final JdbcClient jdbc;

    /** Whether the number is the database's, which every instance moves and reads, rather than this JVM's. */
    private final boolean shared;

    DataRevision(EntityManagerFactory entityManagerFactory, JdbcClient jdbc, Environment environment) {
        this.entityManagerFactory = entityManagerFactory;
        this.jdbc = jdbc;
        this.shared = SessionStore.of(environment).shared();
    }

    public long current() {
        return shared ? jdbc.sql("select revision from data_revision").query(Long.class).single() : revision.get();
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        // A read-only transaction runs as READ ONLY in PostgreSQL and cannot write; a joined one is watched by the
        // transaction it joined.
        if (beginFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new WriteWatch());
        }
    }

    /**
     * Leaves the number where it is however the current transaction writes. Only for bookkeeping that nothing kept
     * under the number shows: the login attempts and last-login times, since otherwise every login, even a stranger's
     * failed one, would start every kept page afresh. A transaction that writes anything else must not call it, so
     * the bookkeeping runs in transactions of its own.
     */
    public void excludeCurrentTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().stream()
                    .filter(WriteWatch.class::isInstance)
                    .map(WriteWatch.class::cast)
                    .forEach(watch -> watch.excluded = true);
        }
    }

    /** Watches one read-write transaction; most of them only read, and those leave the number where it is. */
    private final class WriteWatch implements TransactionSynchronization {

        private boolean committing;

        private boolean excluded;

        private boolean wrote;

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
        }

        /**
         * Runs after every synchronization's work before the commit, which may write too (a {@code BEFORE_COMMIT}
         * event listener, say), and before a rollback, when there is nothing to tell.
         */
        @Override
        public void beforeCompletion() {
            if (!committing || excluded) {
                return;
            }
            try {
                // Changed entities are written at the commit, after this: so they are flushed here, as Spring
                // flushes the entity manager of a JTA transaction.
                EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(
                        entityManagerFactory);
                if (entityManager != null) {
                    entityManager.flush();
                }
                // PostgreSQL gives a transaction its id at its first write, whatever wrote: Hibernate, JdbcClient or
                // SQL.
                wrote = jdbc.sql("select pg_current_xact_id_if_assigned() is not null").query(Boolean.class).single();
                if (wrote && shared) {
                    // In the writing transaction: committed with the write, or not at all. Concurrent writers queue
                    // on this row only for the moment between here and their commit.
                    jdbc.sql("update data_revision set revision = revision + 1").update();
                }
            }
            catch (RuntimeException failure) {
                // The commit fails the same way and says so; should it succeed after all, the number must move. (A
                // failed statement leaves PostgreSQL's transaction aborted, so a shared number that could not move
                // commits nothing either.)
                wrote = true;
            }
        }

        /**
         * Whatever the outcome said: a commit whose answer was lost on the way may have committed all the same, and
         * moving the number needlessly costs no more than rendering a page again.
         */
        @Override
        public void afterCompletion(int status) {
            if (wrote && !shared) {
                revision.incrementAndGet();
            }
        }
    }
}
