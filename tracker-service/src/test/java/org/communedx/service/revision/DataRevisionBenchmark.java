package org.communedx.service.revision;

import java.util.Arrays;

import org.communedx.service.ServiceTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared data revision costs: a read (once per kept page, and once per scope a request works out) and the
 * extra statement of a write transaction. Prints figures, asserts no time; run it with
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=DataRevisionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.sessions=jdbc")
class DataRevisionBenchmark {

    private static final int ROUNDS = 20_000;

    private static final int WRITES = 2_000;

    @Autowired
    DataRevision revision;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void readsAndWrites() {
        long sum = 0;
        for (int i = 0; i < ROUNDS; i++) {
            sum += revision.current();
        }
        long[] reads = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            sum += revision.current();
            reads[i] = System.nanoTime() - started;
        }
        Arrays.sort(reads);
        System.out.printf("BENCHMARK shared revision read: median %.1f µs, p95 %.1f µs, p99 %.1f µs (%d reads, %d)%n",
                reads[ROUNDS / 2] / 1e3, reads[ROUNDS * 95 / 100] / 1e3, reads[ROUNDS * 99 / 100] / 1e3, ROUNDS,
                sum);

        jdbc.execute("create table if not exists revision_bench (n int)");
        TransactionTemplate readWrite = new TransactionTemplate(transactionManager);
        long before = revision.current();
        long[] writes = new long[WRITES];
        for (int i = 0; i < WRITES; i++) {
            long started = System.nanoTime();
            readWrite.executeWithoutResult(status -> jdbc.update("insert into revision_bench values (1)"));
            writes[i] = System.nanoTime() - started;
        }
        Arrays.sort(writes);
        System.out.printf("BENCHMARK write transaction, one insert, shared revision: median %.1f µs, p95 %.1f µs%n",
                writes[WRITES / 2] / 1e3, writes[WRITES * 95 / 100] / 1e3);
        jdbc.execute("drop table revision_bench");
        assertThat(revision.current()).isEqualTo(before + WRITES);
    }
}
