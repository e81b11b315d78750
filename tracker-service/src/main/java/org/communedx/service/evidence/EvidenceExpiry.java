package org.communedx.service.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.communedx.service.CommuneDxProperties;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.notification.TrackerEvent.EvidenceExpiring;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns of evidence whose validity ends soon: every file valid until a day within the next
 * {@code communedx.evidence.expiry.warn-days} (today included, in Vietnam's calendar) becomes one
 * {@link EvidenceExpiring}, once per file. Which files were warned of is remembered in
 * {@code evidence_expiry_warning}, written in the same transaction as the events (and so as the notices that their
 * listeners write): a rerun, or a second instance at the same moment, finds the rows and warns of nothing twice; a
 * transaction that fails warns of nothing and remembers nothing. A file already expired when it was uploaded is not
 * warned of: the scorecard flags it instead.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceExpiry {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final int warnDays;

    EvidenceExpiry(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, CommuneDxProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.warnDays = properties.evidence().expiry().warnDays();
    }

    /**
     * Publishes an {@link EvidenceExpiring} for each file about to expire that no run warned of yet.
     * @return how many files were warned of
     */
    @Transactional
    public int warnExpiring() {
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        // The insert claims each file; "on conflict do nothing" waits for a concurrent run's commit, then skips
        // what it claimed, so that only the rows this run inserted come back.
        List<EvidenceExpiring> expiring = jdbc.sql("""
                with warned as (
                    insert into evidence_expiry_warning (evidence_id, warned_at)
                    select id, ? from evidence where valid_until between ? and ?
                    on conflict (evidence_id) do nothing
                    returning evidence_id)
                select e.id, e.entry_id, e.valid_until from evidence e join warned w on w.evidence_id = e.id
                order by e.valid_until, e.id""")
                .param(Timestamp.from(clock.instant())).param(today).param(today.plusDays(warnDays))
                .query((rs, row) -> new EvidenceExpiring(rs.getLong("entry_id"), rs.getLong("id"),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
        expiring.forEach(events::publishEvent);
        return expiring.size();
    }
}
