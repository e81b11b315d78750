package org.communedx.service.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.communedx.service.testsupport.TestWait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PersistentPostgresTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsRowsAcrossStopAndStart() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            execute(postgres, "create table kept (id int primary key)", "insert into kept values (42)");
        }
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            assertThat(query(postgres, "select id from kept")).isEqualTo("42");
        }
    }

    @Test
    void runsWithDurableSettingsBecauseOfficialsDataMustSurviveAPowerCut() throws Exception {
        try (PersistentPostgres postgres = PersistentPostgres.start(dataDir.resolve("postgres"), 0, 0)) {
            assertThat(query(postgres, "show fsync")).isEqualTo("on");
            assertThat(query(postgres, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(postgres, "show full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void startsOverAStalePidFileOfAProcessThatNoLongerRuns() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            execute(postgres, "create table kept (id int primary key)", "insert into kept values (7)");
        }
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
        writePidFile(cluster, finished.pid());

        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            assertThat(query(postgres, "select id from kept")).isEqualTo("7");
        }
    }

    @Test
    void leavesAnUnrelatedProcessAloneWhenItsPidIsReused() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        PersistentPostgres.start(cluster, 0, 0).close();
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(cluster, unrelated.pid());
            try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
                assertThat(query(postgres, "select 1")).isEqualTo("1");
            }
            assertThat(unrelated.isAlive()).isTrue();
        }
        finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void leavesAProcessNamedPostgresAloneWhenItServesAnotherDirectory() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        PersistentPostgres.start(cluster, 0, 0).close();
        // A harmless program under PostgreSQL's name, working elsewhere: the check that was fooled by the name alone.
        Path postgresNamed = Files.copy(Path.of(sleepBinary()), Files.createDirectories(dataDir.resolve("bin"))
                .resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        Path elsewhere = Files.createDirectories(dataDir.resolve("elsewhere"));
        Process impostor = new ProcessBuilder(postgresNamed.toString(), "600").directory(elsewhere.toFile()).start();
        try {
            assertThat(impostor.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("postgres"));
            writePidFile(cluster, impostor.pid());

            try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
                assertThat(query(postgres, "select 1")).isEqualTo("1");
            }
            assertThat(impostor.isAlive()).isTrue();
        }
        finally {
            impostor.destroyForcibly();
        }
    }

    @Test
    void leavesAnotherClustersPostmasterAloneWhenItHoldsTheOldPid() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        PersistentPostgres.start(cluster, 0, 0).close();
        // After a reboot, the PID in our file may be that of the system's PostgreSQL or another tracker's.
        long otherPid = OrphanedPostmaster.leaveBehind(dataDir.resolve("other-tracker"));
        ProcessHandle other = ProcessHandle.of(otherPid).orElseThrow();
        try {
            writePidFile(cluster, otherPid);

            try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
                assertThat(query(postgres, "select 1")).isEqualTo("1");
            }
            assertThat(other.isAlive()).isTrue();
            assertThat(PostmasterRecovery.serves(other, dataDir.resolve("other-tracker"))).isTrue();
            assertThat(PostmasterRecovery.serves(other, cluster)).isFalse();
        }
        finally {
            other.destroy();
            other.onExit().get(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void stopsAnOrphanedPostmasterLeftByAKilledApplication() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            execute(postgres, "create table kept (id int primary key)", "insert into kept values (9)");
        }
        long orphanPid = OrphanedPostmaster.leaveBehind(cluster);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            assertThat(query(postgres, "select id from kept")).isEqualTo("9");
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void restartsAKilledServerOnTheSamePortWithItsData() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            int port = postgres.port();
            execute(postgres, "create table kept (id int primary key)", "insert into kept values (11)");
            long pid = Long.parseLong(Files.readAllLines(cluster.resolve(PostmasterRecovery.PID_FILE)).get(0).trim());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(TestWait.part(10)).until(() -> !postgres.isRunning());

            postgres.restart();

            assertThat(postgres.isRunning()).isTrue();
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(query(postgres, "select id from kept")).isEqualTo("11");
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectory() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (PersistentPostgres postgres = PersistentPostgres.start(cluster, 0, 0)) {
            assertThatThrownBy(() -> PersistentPostgres.start(cluster, 0, 0))
                    .isInstanceOf(PersistentPostgres.DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Commune DX Tracker");
            assertThat(query(postgres, "select 1")).isEqualTo("1");
        }
    }

    /**
     * PostgreSQL refuses a cluster of a version it is not at once, and pg_ctl reports it within a tenth of a second:
     * the start fails then, not after zonky's minute of waiting for the port.
     */
    @Test
    void failsPromptlyWhenPostgresRefusesTheCluster() throws Exception {
        Path cluster = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(cluster.resolve("PG_VERSION"), "99\n");
        Files.writeString(cluster.resolve("postgresql.conf"), "");

        long started = System.nanoTime();
        assertThatThrownBy(() -> PersistentPostgres.start(cluster, 0, 0))
                .isInstanceOf(PersistentPostgres.EmbeddedDatabaseStartException.class)
                .hasMessageContaining("could not start in " + cluster.toAbsolutePath())
                .hasMessageContaining("pg_ctl gave up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestWait.target(Duration.ofSeconds(5)));
    }

    private static String sleepBinary() {
        return Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
    }

    private static void writePidFile(Path cluster, long pid) throws IOException {
        Files.writeString(cluster.resolve(PostmasterRecovery.PID_FILE),
                pid + "\n" + cluster.toAbsolutePath() + "\n", StandardCharsets.US_ASCII);
    }

    private static void execute(PersistentPostgres postgres, String... statements) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(PersistentPostgres postgres, String sql) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static Connection connect(PersistentPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PersistentPostgres.USER, "");
    }
}
