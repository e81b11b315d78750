package org.communedx.service.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.service.CommuneDxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what no row refers to: temporary files of uploads that a crash or a kill interrupted, and stored files
 * whose rows were removed or rolled back. At startup every temporary file is stale, since no upload can be running
 * yet (unless the directory is shared with other instances, {@code communedx.evidence.local.shared}); later, and for stored
 * files always, only files unused for the grace period go, so that an upload in flight (which marks an existing file
 * as used) keeps its file. The periodic sweep runs on one instance at a time; at startup each instance sweeps too,
 * and a file another has just removed is skipped.
 */
@Component
class EvidenceSweep implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvidenceSweep.class);

    /** The name of the sweep's row in the {@code shedlock} table. */
    static final String LOCK = "evidence-sweep";

    private final EvidenceStore store;

    private final EvidenceRepository evidence;

    private final CommuneDxProperties.Evidence properties;

    private final Clock clock;

    EvidenceSweep(EvidenceStore store, EvidenceRepository evidence, CommuneDxProperties properties, Clock clock) {
        this.store = store;
        this.evidence = evidence;
        this.properties = properties.evidence();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // In a directory that other instances share, their uploads may be in flight: only the grace period tells.
        if (store instanceof LocalEvidenceStore local && !properties.local().shared()) {
            try {
                local.sweepTemporaryFiles();
            }
            catch (IOException ex) {
                log.warn("Could not remove temporary evidence files: {}", ex.getMessage());
            }
        }
        sweep();
    }

    /**
     * On one instance at a time (ScheduledWorkConfiguration). The lock is held at least 5 minutes, so that instances
     * started together, whose timers fire within moments of each other, sweep once rather than one after the other;
     * and at most an hour, so that an instance that died sweeping keeps the others from sweeping no longer than that.
     * Both are fixed, not derived from the period: ShedLock refuses a lock held longer at least than at most.
     */
    @Scheduled(initialDelayString = "${communedx.evidence.orphan-grace:1h}",
            fixedDelayString = "${communedx.evidence.orphan-grace:1h}")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void scheduled() {
        sweep();
    }

    /** @return how many files were removed */
    int sweep() {
        return sweep(clock.instant().minus(properties.orphanGrace()));
    }

    int sweep(Instant usedBefore) {
        try {
            int removed = store.sweep(evidence::existsBySha256, usedBefore);
            if (removed > 0) {
                log.info("Removed {} unreferenced or temporary evidence files", removed);
            }
            return removed;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
