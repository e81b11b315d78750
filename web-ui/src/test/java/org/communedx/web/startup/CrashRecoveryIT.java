package org.communedx.web.startup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The data an official saved is there after a restart, and after the application was killed outright. */
@ChildProcessTest
class CrashRecoveryIT {

    @TempDir
    Path workDir;

    @Test
    void keepsDataAcrossKillNineAndAcrossAnOrderlyRestart() throws Exception {
        int httpPort = ApplicationProcess.freePort();
        int databasePort = ApplicationProcess.freePort();
        Map<String, String> environment = Map.of("COMMUNEDX_DATA_DIR", workDir.resolve("data").toString());
        String databaseAt = "--communedx.embedded-database-port=" + databasePort;

        ApplicationProcess first = ApplicationProcess.start(workDir, httpPort, environment, databaseAt).awaitHealthy();
        execute(databasePort, "create table survivor (id int primary key, note text)",
                "insert into survivor values (1, 'Yên Phú')");
        first.kill();

        try (ApplicationProcess second = ApplicationProcess.start(workDir, httpPort, environment, databaseAt)
                .awaitHealthy()) {
            assertThat(second.output()).contains("Stopping orphaned PostgreSQL server");
            assertThat(query(databasePort, "select note from survivor where id = 1")).isEqualTo("Yên Phú");
            execute(databasePort, "insert into survivor values (2, 'Ân Nghĩa')");
        }

        try (ApplicationProcess third = ApplicationProcess.start(workDir, httpPort, environment, databaseAt)
                .awaitHealthy()) {
            assertThat(third.output()).doesNotContain("orphaned", "stale");
            assertThat(query(databasePort, "select string_agg(note, ',' order by id) from survivor"))
                    .isEqualTo("Yên Phú,Ân Nghĩa");
        }
    }

    private static void execute(int port, String... statements) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(int port, String sql) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }
}
