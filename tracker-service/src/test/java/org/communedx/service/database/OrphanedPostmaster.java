package org.communedx.service.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.communedx.service.testsupport.TestWait;

/**
 * Leaves a running postmaster behind, as {@code kill -9} of the application does: a child JVM starts
 * PostgreSQL on the cluster and halts without stopping it.
 */
final class OrphanedPostmaster {

    private OrphanedPostmaster() {
    }

    /** Returns the orphan's PID. */
    static long leaveBehind(Path cluster) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanedPostmaster.class.getName(), cluster.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("postmaster ")) {
                    child.waitFor(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
                    return Long.parseLong(line.substring("postmaster ".length()).trim());
                }
            }
        }
        throw new IllegalStateException("The child JVM did not start PostgreSQL (exit " + child.waitFor() + ")");
    }

    public static void main(String[] args) throws Exception {
        Path cluster = Path.of(args[0]);
        EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        String pid = java.nio.file.Files.readAllLines(cluster.resolve(PostmasterRecovery.PID_FILE)).get(0);
        System.out.println("postmaster " + pid);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
