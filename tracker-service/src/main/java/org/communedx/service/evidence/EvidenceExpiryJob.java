package org.communedx.service.evidence;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link EvidenceExpiry} once a day, at {@code communedx.evidence.expiry.cron} in Vietnam's time, on one
 * instance at a time (ScheduledWorkConfiguration): the lock is held at least 5 minutes, so that instances whose
 * timers fire together run it once. Were two runs to overlap anyway, the warnings table still warns once per file.
 */
@Component
class EvidenceExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(EvidenceExpiryJob.class);

    /** The name of the job's row in the {@code shedlock} table. */
    static final String LOCK = "evidence-expiry";

    private final EvidenceExpiry expiry;

    EvidenceExpiryJob(EvidenceExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(cron = "${communedx.evidence.expiry.cron:0 0 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void run() {
        int warned = expiry.warnExpiring();
        if (warned > 0) {
            log.info("Warned of {} evidence files about to expire", warned);
        }
    }
}
