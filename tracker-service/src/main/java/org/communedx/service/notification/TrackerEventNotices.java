package org.communedx.service.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.user.UserAccountRepository;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happens to an entry ({@link TrackerEvent}) into notices for the people it concerns. A plain
 * {@code @EventListener}, so it runs in the publisher's thread and transaction: the notices, and their outbox rows,
 * commit if and only if the change does; and a failure here rolls the change back rather than losing the notice.
 */
@Component
class TrackerEventNotices {

    private final CriterionEntryRepository entries;

    private final UserAccountRepository accounts;

    private final Recipients recipients;

    private final NotificationInbox inbox;

    TrackerEventNotices(CriterionEntryRepository entries, UserAccountRepository accounts, Recipients recipients,
            NotificationInbox inbox) {
        this.entries = entries;
        this.accounts = accounts;
        this.recipients = recipients;
        this.inbox = inbox;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TrackerEvent event) {
        CriterionEntry entry = entries.findById(event.entryId())
                .orElseThrow(() -> new IllegalStateException("No entry " + event.entryId()));
        AdministrativeUnit commune = entry.getAssessment().getUnit();
        // The period too: the same criterion of a commune can be returned in an old period reopened and in the new.
        Map<String, String> about = Map.of("criterion", entry.getCriterion().getCode(), "commune", commune.getName(),
                "period", entry.getAssessment().getPeriod().getName());
        // Java 17: no patterns in switch yet; the interface is sealed, so these four are all there are.
        if (event instanceof TrackerEvent.EntryReturned returned) {
            notify(recipients.staffOf(commune), entry, NotificationKind.ENTRY_RETURNED,
                    with(about, "reason", returned.reason()));
        }
        else if (event instanceof TrackerEvent.EntryReopened reopened) {
            notify(recipients.staffOf(commune), entry, NotificationKind.ENTRY_REOPENED,
                    with(about, "reason", reopened.reason()));
        }
        else if (event instanceof TrackerEvent.CommentPosted comment) {
            accounts.findByUsername(comment.authorUsername())
                    .ifPresent(author -> notify(recipients.otherSideOf(commune, author), entry,
                            NotificationKind.COMMENT_POSTED, with(about, "author", author.getDisplayName())));
        }
        else if (event instanceof TrackerEvent.EvidenceExpiring expiring) {
            notify(recipients.staffOf(commune), entry, NotificationKind.EVIDENCE_EXPIRING,
                    with(about, "validUntil", expiring.validUntil().toString()),
                    // The expiry job may run daily over the same file: each file's expiry is told once.
                    "evidence-expiring:" + expiring.evidenceId() + ":" + expiring.validUntil());
        }
    }

    private void notify(List<Long> to, CriterionEntry entry, NotificationKind kind, Map<String, String> parameters) {
        notify(to, entry, kind, parameters, null);
    }

    private void notify(List<Long> to, CriterionEntry entry, NotificationKind kind, Map<String, String> parameters,
            String dedupeKey) {
        inbox.notify(to, new Notice(kind, entry.getId(), entry.getAssessment().getUnit().getId(),
                entry.getAssessment().getPeriod().getId(), parameters, dedupeKey));
    }

    private static Map<String, String> with(Map<String, String> about, String key, String value) {
        var parameters = new HashMap<>(about);
        parameters.put(key, value == null ? "" : value);
        return parameters;
    }
}
