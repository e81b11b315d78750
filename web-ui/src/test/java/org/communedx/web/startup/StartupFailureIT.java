package org.communedx.web.startup;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad configuration ends the application with one line an operator can act on, never a stack trace, within 5 s and
 * before any database is created. The 5 s are an idle machine's; the test allows them stretched as the wait budget
 * allows a start to be ({@link TestWait#target}), and holds the order sharply: no cluster exists afterwards.
 */
@ChildProcessTest
class StartupFailureIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path workDir;

    @Test
    void unreachableExternalDatabaseGetsOneLineNamingHostPortAndDatabase() throws Exception {
        int closedPort = ApplicationProcess.freePort();
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/tracker",
                "SPRING_DATASOURCE_USERNAME", "tracker",
                "SPRING_DATASOURCE_PASSWORD", "Sup3r-Secret-Pw"));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("host 127.0.0.1", "port " + closedPort, "database \"tracker\"");
        assertThat(output).doesNotContain("Sup3r-Secret-Pw", "\tat ", "APPLICATION FAILED TO START");
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void externalDatabaseThatNeverAnswersGetsOneLinePromptly() throws Exception {
        // A port on this machine that takes connections (the system queues them) and never says a word: the database
        // login waits for a greeting that does not come. Only loopback: tests send nothing anywhere else.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/tracker",
                    "SPRING_DATASOURCE_USERNAME", "tracker"));

            assertThat(application.awaitExit()).isNotZero();
            assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
            assertThat(errorLines(application.output())).singleElement().asString()
                    .contains("host 127.0.0.1", "port " + silent.getLocalPort());
            assertThat(workDir.resolve("data")).doesNotExist();
        }
    }

    @Test
    void busyHttpPortGetsOneLineBeforeAnyDatabaseIsCreated() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0)) {
            long started = System.nanoTime();
            ApplicationProcess application = ApplicationProcess.start(workDir, occupied.getLocalPort(),
                    Map.of("COMMUNEDX_DATA_DIR", workDir.resolve("data").toString()));

            assertThat(application.awaitExit()).isNotZero();
            assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
            String output = application.output();
            assertThat(errorLines(output)).singleElement().asString()
                    .contains("Port " + occupied.getLocalPort() + " was already in use");
            assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
            assertThat(workDir.resolve("data/postgres")).doesNotExist();
        }
    }

    @Test
    void unwritableDataDirectoryGetsOneLine() throws Exception {
        // A path under a regular file: no user, root included, can create the directory there.
        Path file = Files.writeString(workDir.resolve("not-a-directory"), "");
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(),
                Map.of("COMMUNEDX_DATA_DIR", file.resolve("data").toString()));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("data directory " + file.resolve("data"), "cannot be written", "COMMUNEDX_DATA_DIR");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
    }

    @Test
    void dataDirectoryThatIsAFileGetsOneLine() throws Exception {
        Path file = Files.writeString(workDir.resolve("data"), "");
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(),
                Map.of("COMMUNEDX_DATA_DIR", file.toString()));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("data directory " + file, "is not a directory", "COMMUNEDX_DATA_DIR");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
    }

    @Test
    void clusterFolderThatIsAFileGetsOneLineBeforeAnyDatabaseStarts() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("data"));
        Path cluster = Files.writeString(data.resolve("postgres"), "");
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(),
                Map.of("COMMUNEDX_DATA_DIR", data.toString()));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("data directory " + data, cluster + " is not a directory");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
    }

    @Test
    void databaseUrlWithoutJdbcGetsOneLineWithoutItsPassword() throws Exception {
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", "postgresql://tracker:Sup3r-Secret-Pw@127.0.0.1:5432/tracker"));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("SPRING_DATASOURCE_URL must be a PostgreSQL JDBC URL", "begins with \"postgresql\"");
        assertThat(output).doesNotContain("Sup3r-Secret-Pw", "\tat ", "APPLICATION FAILED TO START");
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void embeddedDatabaseThatWillNotStartGetsOneLine() throws Exception {
        // A cluster of a PostgreSQL version that does not exist: PostgreSQL itself refuses it. That needs the
        // database's binaries unpacked and its server tried, so not the 5 s; but not zonky's minute of waiting either.
        Path cluster = Files.createDirectories(workDir.resolve("data/postgres"));
        Files.writeString(cluster.resolve("PG_VERSION"), "99\n");
        Files.writeString(cluster.resolve("postgresql.conf"), "");
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(),
                Map.of("COMMUNEDX_DATA_DIR", workDir.resolve("data").toString()));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(Duration.ofSeconds(10)));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("The embedded PostgreSQL could not start in " + cluster, "LOGGING_LEVEL_IO_ZONKY");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
    }

    /** The default jar is built without Redis (web-ui/pom.xml's redis profile puts it in). */
    @Test
    void sessionsInRedisInAJarWithoutRedisGetOneLineNamingTheBuild() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("communedx.jar.redis"), "the jar was built with -P redis");
        long started = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(),
                Map.of("COMMUNEDX_SESSIONS", "redis", "COMMUNEDX_DATA_DIR", workDir.resolve("data").toString()));

        assertThat(application.awaitExit()).isNotZero();
        assertThat(since(started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("communedx.sessions=redis", "built without Redis", "./mvnw -Predis clean package");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static List<String> errorLines(String output) {
        return output.lines().filter(line -> line.startsWith("Commune DX Tracker could not start")).toList();
    }
}
