package org.communedx.service.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the embedded PostgreSQL again when it dies (killed, or out of memory), so that the tracker serves again
 * within seconds instead of staying up and useless: without it every request waited for two connection-pool timeouts
 * and ended in a bare error page. While the server restarts, {@link DatabaseState#RESTARTING} lets the web layer answer
 * at once. If the restart fails, the application exits with one line on standard error and a non-zero code, so that
 * a service manager starts it afresh, recovery included.
 * <p>
 * A lifecycle bean: it watches from the end of the context's start to the beginning of its stop, never while the
 * application itself closes the server.
 */
class PostmasterWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    /** How often the server is looked at: a look reads one link in /proc, so a second costs nothing. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final PersistentPostgres postgres;

    private final ApplicationEventPublisher events;

    private final Runnable exit;

    private ScheduledExecutorService executor;

    PostmasterWatchdog(PersistentPostgres postgres, ApplicationEventPublisher events, Runnable exit) {
        this.postgres = postgres;
        this.events = events;
        this.exit = exit;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postmaster-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
        if (postgres.isRunning()) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, DatabaseState.RESTARTING);
        log.error("The embedded PostgreSQL on port {} has died; starting it again", postgres.port());
        try {
            postgres.restart();
            log.warn("The embedded PostgreSQL serves again on port {}", postgres.port());
            AvailabilityChangeEvent.publish(events, this, DatabaseState.SERVING);
        }
        catch (Exception ex) {
            String reason = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ").trim();
            System.err.println("Commune DX Tracker stopped: its embedded PostgreSQL died and could not be started"
                    + " again (" + reason + "); start the tracker again.");
            System.err.flush();
            exit.run();
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
