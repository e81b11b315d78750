package org.communedx.service.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;

import org.springframework.stereotype.Component;

/**
 * For writes that run over a province's or the country's communes in one transaction (a prefill, a system's
 * submissions): every {@value #COMMUNES} communes the persistence context is written, the progress of the
 * assessments that changed is summed from the rows written, and the context is emptied. Kept whole, the context
 * would hold every entity read since the start, and each flush would check them all: the time would grow with the
 * square of the communes (a prefill of 700 took 81 s, 11 s in batches; docs/performance.md).
 */
@Component
public class CommuneBatches {

    public static final int COMMUNES = 50;

    private final EntityManager entityManager;

    private final ProgressLedger progress;

    private final PeriodRepository periods;

    CommuneBatches(EntityManager entityManager, ProgressLedger progress, PeriodRepository periods) {
        this.entityManager = entityManager;
        this.progress = progress;
        this.periods = periods;
    }

    /** A run over communes of the period, whose changes are dated {@code at}. */
    public Batch start(Period period, Instant at) {
        return new Batch(period, at);
    }

    /** One run; not shared between threads, as the transaction it writes in is not. */
    public final class Batch {

        private Period period;

        private final Instant at;

        private final List<Long> changed = new ArrayList<>();

        private int communes;

        private Batch(Period period, Instant at) {
            this.period = period;
            this.at = at;
        }

        /** The period to open the next commune's assessment on: read again each time the context is emptied. */
        public Period period() {
            return period;
        }

        /** One commune done, and whether its assessment changed (its progress is summed then). */
        public void done(long assessmentId, boolean assessmentChanged) {
            if (assessmentChanged) {
                changed.add(assessmentId);
            }
            if (++communes % COMMUNES == 0) {
                write();
            }
        }

        /** Writes what the last communes changed; the run's last call. */
        public void finish() {
            write();
        }

        private void write() {
            entityManager.flush();
            changed.forEach(assessmentId -> progress.record(assessmentId, at));
            changed.clear();
            entityManager.clear();
            period = periods.findWithFramework(period.getId()).orElseThrow();
        }
    }
}
