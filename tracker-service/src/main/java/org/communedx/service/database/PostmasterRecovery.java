package org.communedx.service.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed application leaves in a PostgreSQL data directory, so that the next start succeeds.
 * <p>
 * After {@code kill -9} of the JVM, the postmaster it started keeps running as an orphan and holds
 * {@code postmaster.pid}; after a machine crash the file stays behind with no process at all. PostgreSQL
 * refuses to start in both cases ("lock file postmaster.pid already exists"), or, when the old PID now
 * belongs to an unrelated process, mistakes that process for a live server.
 */
final class PostmasterRecovery {

    static final String PID_FILE = "postmaster.pid";

    private static final Logger log = LoggerFactory.getLogger(PostmasterRecovery.class);

    private final Duration shutdownWait;

    PostmasterRecovery(Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
    }

    /**
     * Stops an orphaned postmaster that serves {@code dataDirectory} and removes a stale pid file.
     * The caller must hold the data directory's lock, so the postmaster cannot belong to a live application.
     */
    void recover(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(PostmasterRecovery::isPostgres);
        if (orphan.isPresent()) {
            stop(orphan.get(), dataDirectory);
        }
        else {
            log.warn("Removing stale {} in {}: no PostgreSQL server runs with its PID", PID_FILE, dataDirectory);
        }
        // A graceful stop removes the file itself; a forced one, or a crash, leaves it behind.
        Files.deleteIfExists(pidFile);
    }

    private void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
        log.warn("Stopping orphaned PostgreSQL server (PID {}) left in {} by an application that did not shut down",
                postmaster.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the old JVM, so it ends at once
        // and writes a clean checkpoint.
        postmaster.destroy();
        if (!awaitExit(postmaster)) {
            log.warn("PostgreSQL server (PID {}) did not stop within {}; killing it", postmaster.pid(), shutdownWait);
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster)) {
                throw new IOException("Could not stop the orphaned PostgreSQL server with PID " + postmaster.pid()
                        + " that holds " + dataDirectory);
            }
        }
    }

    private boolean awaitExit(ProcessHandle process) throws IOException {
        try {
            process.onExit().get(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL", ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IOException("Could not wait for PostgreSQL to stop", ex);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A reused PID that now belongs to another program must never be signalled.
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.startsWith("postgres"))
                .orElse(false);
    }
}
