package org.communedx.service.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the login attempts older than {@code communedx.login-attempts.retention} (400 days), once a day on one
 * instance (ShedLock). Without it every login, and before issue 19 every HTTP Basic call, grew the table for ever.
 * <p>
 * The table refuses every change by its trigger; V25 lets one through: a DELETE of a row older than the cutoff, in a
 * transaction that said {@code SET LOCAL communedx.retention = 'on'} and the cutoff. That is this class alone, and the
 * run is recorded in the audit trail (how many rows, and the cutoff) in the same transaction.
 */
@Component
public class LoginAttemptRetention {

    public static final String AUDIT_TYPE = "LOGIN_ATTEMPTS";

    static final String LOCK = "login-attempt-retention";

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptRetention.class);

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final Duration retention;

    LoginAttemptRetention(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
            CommuneDxProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = properties.loginAttempts().retention();
    }

    /** At most an hour: a run that takes longer (a first run over years of rows) is let run on, not started again. */
    // Vietnam's night, as every other job's time, whatever the server's zone: on a UTC server 03:17 was 10:17 there.
    @Scheduled(cron = "${communedx.login-attempts.retention-cron:0 17 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void scheduled() {
        purge();
    }

    /** @return how many attempts were deleted */
    public int purge() {
        return purgeBefore(clock.instant().minus(retention));
    }

    /** Deletes the attempts made before {@code cutoff}, which must not lie in the future. */
    public int purgeBefore(Instant cutoff) {
        Integer deleted = transaction.execute(status -> {
            jdbc.sql("select set_config('communedx.retention', 'on', true), "
                    + "set_config('communedx.retention_cutoff', :cutoff, true)")
                    .param("cutoff", cutoff.toString()).query().singleRow();
            int count = jdbc.sql("delete from login_attempt where attempted_at < :cutoff")
                    .param("cutoff", Timestamp.from(cutoff)).update();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("deleted", count);
            run.put("cutoff", cutoff.toString());
            run.put("retention", retention.toString());
            audit.record(AUDIT_TYPE, "retention", "RETENTION", null, run);
            return count;
        });
        log.info("Deleted {} login attempts made before {}", deleted, cutoff);
        return deleted == null ? 0 : deleted;
    }
}
