package org.communedx.web.startup;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.communedx.web.support.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad configuration ends the application with one line an operator can act on, never a stack trace. */
class StartupFailureIT {

    @TempDir
    Path workDir;

    @Test
    void unreachableExternalDatabaseGetsOneLineNamingHostPortAndDatabase() throws Exception {
        int closedPort = ApplicationProcess.freePort();
        ApplicationProcess application = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/tracker",
                "SPRING_DATASOURCE_USERNAME", "tracker",
                "SPRING_DATASOURCE_PASSWORD", "Sup3r-Secret-Pw"));

        assertThat(application.awaitExit()).isNotZero();
        String output = application.output();
        assertThat(errorLines(output)).singleElement().asString()
                .contains("host 127.0.0.1", "port " + closedPort, "database \"tracker\"");
        assertThat(output).doesNotContain("Sup3r-Secret-Pw", "\tat ", "APPLICATION FAILED TO START");
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void busyHttpPortGetsOneLine() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0)) {
            ApplicationProcess application = ApplicationProcess.start(workDir, occupied.getLocalPort(),
                    Map.of("COMMUNEDX_DATA_DIR", workDir.resolve("data").toString()));

            assertThat(application.awaitExit()).isNotZero();
            String output = application.output();
            assertThat(errorLines(output)).singleElement().asString()
                    .contains("Port " + occupied.getLocalPort() + " was already in use");
            assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
        }
    }

    private static List<String> errorLines(String output) {
        return output.lines().filter(line -> line.startsWith("Commune DX Tracker could not start")).toList();
    }
}
