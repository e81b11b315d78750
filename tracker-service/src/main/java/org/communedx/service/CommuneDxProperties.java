package org.communedx.service;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the tracker, under {@code communedx}: one typed tree, described to IDEs and operators by the
 * configuration processor's metadata, and listed in the README's configuration table. Each can be set as an
 * environment variable, e.g. {@code COMMUNEDX_DATA_DIR} or {@code COMMUNEDX_ADMIN_PASSWORD}.
 *
 * @param dataDir the data directory: the embedded cluster in its {@code postgres} folder, evidence in {@code evidence}
 * @param embeddedDatabasePort the embedded PostgreSQL's port, or 0 for any free one
 * @param demoData whether to seed the demo units, accounts and sample assessments; unset, only with the embedded
 *     database, where nobody could mistake them for real ones
 */
@ConfigurationProperties("communedx")
public record CommuneDxProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedDatabasePort,
        @Nullable Boolean demoData, @DefaultValue Admin admin, @DefaultValue Review review,
        @DefaultValue Evidence evidence, @DefaultValue PageCache pageCache, @DefaultValue Login login) {

    public Path clusterDirectory() {
        return dataDir.resolve("postgres");
    }

    public Path evidenceDirectory() {
        return evidence.directory() != null ? evidence.directory() : dataDir.resolve("evidence");
    }

    /**
     * @param password the first administrator's password against an external database; unset, a one-time password is
     *     printed once in the log
     */
    public record Admin(@Nullable String password) {
    }

    /** @param queueLimit the most entries the review queue shows at once, oldest first */
    public record Review(@DefaultValue("500") int queueLimit) {
    }

    /**
     * @param directory where evidence files live; by default {@code <data-dir>/evidence}
     * @param maxFileSize the largest file accepted; keep {@code spring.servlet.multipart} a little above it
     * @param orphanGrace how old an unreferenced or temporary file must be before the sweep removes it
     */
    public record Evidence(@Nullable Path directory, @DefaultValue("25MB") DataSize maxFileSize,
            @DefaultValue("1h") Duration orphanGrace) {
    }

    /**
     * @param maxSize memory for rendered scorecards, explanations and dashboards, kept per user until the next write;
     *     0 renders every request (the ETags still spare the browser's reloads)
     */
    public record PageCache(@DefaultValue("64MB") DataSize maxSize) {
    }

    /**
     * How wrong passwords slow their sender down, at login and at the current-password check of a password change.
     *
     * @param failuresPerUsername wrong passwords for one username from one client address before that address must
     *     wait for that username
     * @param failuresPerAddress wrong passwords from one client address, for any usernames, before it must wait for
     *     every username
     * @param window how long a wrong password counts
     * @param firstDelay the wait after the limit is reached; it doubles with every further wrong password
     * @param maxDelay the longest wait
     */
    public record Login(@DefaultValue("5") int failuresPerUsername, @DefaultValue("20") int failuresPerAddress,
            @DefaultValue("1h") Duration window, @DefaultValue("1m") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay) {
    }
}
