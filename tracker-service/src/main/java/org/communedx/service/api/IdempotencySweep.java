package org.communedx.service.api;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the write API's idempotency keys once they are older than a day, every hour, on one instance at a time
 * (ScheduledWorkConfiguration): without it the table would keep every answer of every script for ever.
 */
@Component
class IdempotencySweep {

    private final IdempotencyKeys keys;

    IdempotencySweep(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    @SchedulerLock(name = "idempotency-sweep", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    void sweep() {
        keys.forgetOld();
    }
}
