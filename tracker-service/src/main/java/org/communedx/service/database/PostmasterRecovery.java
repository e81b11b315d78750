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
 * <p>
 * A PID is ours only if its process serves this data directory. After a reboot the old PID may name the system's
 * PostgreSQL or another tracker's: named postgres, yet serving another cluster. Signalling it would take down a
 * database that is not ours, so such a file is stale, whatever the process is called.
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
                .filter(process -> serves(process, dataDirectory));
        if (orphan.isPresent()) {
            stop(orphan.get(), dataDirectory);
        }
        else {
            log.warn("Removing stale {} in {}: no PostgreSQL server of this data directory runs with its PID",
                    PID_FILE, dataDirectory);
        }
        awaitBackends(dataDirectory);
        // A graceful stop removes the file itself; a forced one, or a crash, leaves it behind.
        Files.deleteIfExists(pidFile);
    }

    /**
     * Waits for the backends of a postmaster that was killed: they notice at once and end, but a new server started
     * while one still writes would share the cluster with it. PostgreSQL's own guard against that is the pid file,
     * which is removed next.
     */
    private void awaitBackends(Path dataDirectory) throws IOException {
        List<ProcessHandle> backends = ProcessHandle.allProcesses().filter(process -> serves(process, dataDirectory))
                .toList();
        for (ProcessHandle backend : backends) {
            if (!awaitExit(backend)) {
                throw new IOException("PostgreSQL process " + backend.pid() + " of " + dataDirectory
                        + " did not end within " + shutdownWait);
            }
        }
    }

    /**
     * Whether {@code process} is a live PostgreSQL process of {@code dataDirectory}: named postgres, and working in
     * that directory (the postmaster and every backend change into it) or started with it as {@code -D}. A process
     * whose directory cannot be read (another user's, or one that has exited and not yet been reaped) is not ours.
     */
    static boolean serves(ProcessHandle process, Path dataDirectory) {
        if (!process.isAlive() || !isPostgres(process)) {
            return false;
        }
        Optional<Path> ours = realPath(dataDirectory);
        if (ours.isEmpty()) {
            return false;
        }
        Optional<Path> workingDirectory = realPath(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        if (workingDirectory.isPresent()) {
            return workingDirectory.equals(ours);
        }
        // Without /proc (macOS), the postmaster's -D argument, as pg_ctl passes it.
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && realPath(Path.of(arguments[i + 1])).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        }
        catch (IOException | SecurityException ex) {
            return Optional.empty();
        }
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

    static Optional<Long> readPid(Path pidFile) throws IOException {
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
        // Besides the directory: an operator's shell may well be working in it.
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.startsWith("postgres"))
                .orElse(false);
    }
}
