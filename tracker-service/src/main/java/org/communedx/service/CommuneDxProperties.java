package org.communedx.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.communedx.service.instance.SessionStore;
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
 * @param sessions where login sessions live: {@code memory} (this JVM) or {@code jdbc} (PostgreSQL, shared by every
 *     instance on the database); unset, memory with the embedded database and jdbc with an external one. Read through
 *     {@link SessionStore#of}, which applies that default
 */
@ConfigurationProperties("communedx")
public record CommuneDxProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedDatabasePort,
        @Nullable Boolean demoData, @Nullable SessionStore sessions, @DefaultValue Admin admin,
        @DefaultValue Review review, @DefaultValue Evidence evidence, @DefaultValue PageCache pageCache,
        @DefaultValue Jobs jobs, @DefaultValue Imports imports, @DefaultValue Login login, @DefaultValue Api api,
        @DefaultValue LoginAttempts loginAttempts, @DefaultValue Mail mail, @DefaultValue Notifications notifications) {

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

    /**
     * @param maxBulkBytes the largest body of a bulk write to the API (suggested values of many communes), refused
     *     with 413 before it is read; a province's 27 criteria for 600 communes are about 2 MB
     */
    public record Api(@DefaultValue("16MB") DataSize maxBulkBytes) {
    }

    /** @param queueLimit the most entries the review queue shows at once, oldest first */
    public record Review(@DefaultValue("500") int queueLimit) {
    }

    /**
     * @param directory where evidence files live; by default {@code <data-dir>/evidence}
     * @param maxFileSize the largest file accepted; keep {@code spring.servlet.multipart} a little above it
     * @param orphanGrace how old an unreferenced or temporary file must be before the sweep removes it
     * @param maxImagePixels the most pixels an image may declare (width × height), judged from its header before
     *     anything decodes it: 50 million by default, twice a 24-megapixel camera's photograph
     * @param diskReserve the space kept free on the evidence directory's disk, for the database: uploads are refused
     *     below it, and the health check reports the disk DOWN
     * @param local the evidence directory as a store of its own, when {@code store} is {@code local}
     * @param store where evidence files are kept: {@code local} (the directory) or {@code s3} (an S3-compatible
     *     bucket, {@code communedx.evidence.s3.*}, which every instance shares); uploads are staged in the directory's
     *     {@code .tmp} either way
     * @param s3 the bucket, when {@code store} is {@code s3}
     * @param expiry when the commune is warned that a document's validity ends
     */
    public record Evidence(@Nullable Path directory, @DefaultValue("25MB") DataSize maxFileSize,
            @DefaultValue("1h") Duration orphanGrace, @DefaultValue("50000000") long maxImagePixels,
            @DefaultValue("1GB") DataSize diskReserve, @DefaultValue Local local,
            @DefaultValue("local") EvidenceStoreKind store, @DefaultValue S3 s3, @DefaultValue Expiry expiry) {

        public Evidence {
            if (store == EvidenceStoreKind.S3 && (s3.bucket() == null || s3.bucket().isBlank())) {
                throw new IllegalArgumentException("communedx.evidence.store=s3 needs communedx.evidence.s3.bucket "
                        + "(COMMUNEDX_EVIDENCE_S3_BUCKET)");
            }
        }

        /** Whether every instance sees the same files: in a bucket always, in a directory on the operator's word. */
        public boolean sharedByInstances() {
            return local.shared() || store == EvidenceStoreKind.S3;
        }
    }

    /**
     * @param shared whether the evidence directory is on storage that every instance of the tracker sharing the
     *     database reads and writes (a network file system, say): the operator's word, which nothing can check;
     *     without it only one instance may use the database (see {@code SingleInstanceGuard})
     */
    public record Local(@DefaultValue("false") boolean shared) {
    }

    /**
     * @param warnDays how many days ahead of a file's valid-until date its commune is warned, once per file
     * @param cron when the daily look for files about to expire runs, in Vietnam's time (a Spring cron expression:
     *     second, minute, hour, day, month, weekday); on one instance at a time
     */
    public record Expiry(@DefaultValue("30") int warnDays, @DefaultValue("0 0 6 * * *") String cron) {

        public Expiry {
            if (warnDays < 0 || warnDays > 365) {
                throw new IllegalArgumentException("communedx.evidence.expiry.warn-days must be 0 to 365, not "
                        + warnDays);
            }
        }
    }

    /** Where evidence files are kept. */
    public enum EvidenceStoreKind {
        LOCAL, S3
    }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph, Garage), addressed by path ({@code endpoint/bucket/key}), with
     * request checksums only where the API requires them, which every such server accepts.
     *
     * @param endpoint the server's URL, e.g. {@code http://minio:9000}; unset, AWS S3 in {@code region}
     * @param region the region to sign requests for; most S3-compatible servers accept any
     * @param bucket the bucket, which must exist
     * @param accessKey the access key; unset, the AWS SDK's default chain (environment, profile, instance role)
     * @param secretKey the secret key, with {@code accessKey}
     * @param prefix put before every key, e.g. {@code tracker/}, to share a bucket with other data
     * @param partSize files larger than this are uploaded in parts of this size (at least 5MB, S3's smallest part)
     */
    public record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region,
            @Nullable String bucket, @Nullable String accessKey, @Nullable String secretKey,
            @DefaultValue("") String prefix, @DefaultValue("16MB") DataSize partSize) {

        public S3 {
            if (partSize.toBytes() < 5L * 1024 * 1024) {
                throw new IllegalArgumentException("communedx.evidence.s3.part-size must be at least 5MB");
            }
        }
    }

    /**
     * @param maxSize memory for rendered scorecards, explanations and dashboards, kept per user until the next write;
     *     0 renders every request (the ETags still spare the browser's reloads)
     */
    public record PageCache(@DefaultValue("64MB") DataSize maxSize) {
    }

    /**
     * @param keepResults how long a finished background job, and its result if nobody fetched it, is kept
     * @param maxKept the most jobs each user keeps at once, queued, running or finished (a new one takes the place of
     *     their oldest finished), and the most queued or running on the server, beyond which more are refused
     */
    public record Jobs(@DefaultValue("30m") Duration keepResults, @DefaultValue("20") int maxKept) {
    }

    /**
     * Bounds on every import, checked while the file is read, so that no upload is ever held whole: each file is
     * refused at the first byte, row or cell beyond its bound, and nothing of it is saved.
     *
     * @param units the GSO list and the reform's merge mapping (the national list has 10,047 rows, 0.8 MB)
     * @param users the user list; each user costs a password hash of about 0.1 s
     * @param frameworks a framework version as YAML or XLSX (27 criteria take some 20 KB)
     * @param maxCellLength the most characters in one cell of an imported CSV file or unit list XLSX
     * @param values a spreadsheet of suggested values (the national long layout, 89,667 rows, is some 4 MB as XLSX)
     */
    public record Imports(@DefaultValue Units units, @DefaultValue Users users, @DefaultValue Frameworks frameworks,
            @DefaultValue("1000") int maxCellLength, @DefaultValue Values values) {

        /**
         * @param maxFileSize the largest file, counted as uploaded and, for an XLSX, also unpacked
         * @param maxRows the most rows below the header
         */
        public record Units(@DefaultValue("16MB") DataSize maxFileSize, @DefaultValue("50000") int maxRows) {
        }

        /**
         * @param maxFileSize the largest file
         * @param maxRows the most users in one file
         */
        public record Users(@DefaultValue("1MB") DataSize maxFileSize, @DefaultValue("1000") int maxRows) {
        }

        /**
         * @param maxFileSize the largest file, counted as uploaded and, for an XLSX, also unpacked
         * @param maxRows the most groups and criteria in one file
         */
        public record Frameworks(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("1000") int maxRows) {
        }

        /**
         * @param maxFileSize the largest file, counted as uploaded and, for an XLSX, also unpacked
         * @param maxRows the most rows below the header, counted while the file is read
         */
        public record Values(@DefaultValue("64MB") DataSize maxFileSize, @DefaultValue("100000") int maxRows) {
        }
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

    /**
     * How long the record of login attempts ({@code login_attempt}) is kept.
     *
     * @param retention how old an attempt must be before the daily retention deletes it; 400 days keep a year and a
     *     month for an inquiry into a past login
     * @param retentionCron when the retention runs (a Spring cron expression, seconds first), on one instance at a
     *     time; by default every day at 03:17 server time
     */
    public record LoginAttempts(@DefaultValue("400d") Duration retention,
            @DefaultValue("0 17 3 * * *") String retentionCron) {

        public LoginAttempts {
            if (retention.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("communedx.login-attempts.retention must be at least a day, "
                        + "or the login throttle would lose the wrong passwords it counts");
            }
        }
    }

    /**
     * The e-mails that notices become, sent only when {@code spring.mail.host} is set (without it, the inbox alone).
     *
     * @param baseUrl the tracker's address as its users reach it, for the one link back in each e-mail
     * @param from the sender's address
     * @param sendDelay the pause between two runs of the outbox's sender
     * @param batchSize the most e-mails one run of the sender takes
     * @param maxAttempts the tries before an e-mail is given up (marked FAILED, its attempts kept)
     * @param retryBase the wait after the first failed try; it doubles with every further one
     * @param retryMax the longest wait between two tries
     * @param retention how long an e-mail sent or given up stays in the outbox, with its attempts, before the daily
     *        retention deletes it; one still to be sent is never deleted
     * @param retentionCron when that retention runs (a Spring cron expression, seconds first, Vietnam's time), on one
     *        instance at a time
     */
    public record Mail(@DefaultValue("http://localhost:8080") URI baseUrl,
            @DefaultValue("tracker@localhost") String from, @DefaultValue("30s") Duration sendDelay,
            @DefaultValue("50") int batchSize, @DefaultValue("8") int maxAttempts,
            @DefaultValue("1m") Duration retryBase, @DefaultValue("6h") Duration retryMax,
            @DefaultValue("90d") Duration retention, @DefaultValue("0 47 3 * * *") String retentionCron) {

        public Mail {
            if (retention.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("communedx.mail.retention must be at least a day, so that the"
                        + " attempts of a failing e-mail can still be read the next morning");
            }
        }
    }

    /**
     * When the notices' jobs run: Spring cron expressions (second minute hour day month weekday), in Vietnam's time.
     *
     * @param waitingCron the reviewers' daily notice of the submissions waiting for them
     * @param remindersCron the commune staff's reminders of a deadline 14, 7 and 1 days ahead
     * @param deadlinePassedCron the province managers' notice of a deadline passed with entries missing
     * @param digestCron the daily e-mail of those who chose a digest
     */
    public record Notifications(@DefaultValue("0 0 7 * * *") String waitingCron,
            @DefaultValue("0 30 7 * * *") String remindersCron,
            @DefaultValue("0 0 8 * * *") String deadlinePassedCron,
            @DefaultValue("0 0 17 * * *") String digestCron) {
    }
}
