package org.communedx.service.assessment;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.framework.Criterion;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.assessment.AssessmentViews.Actions;
import org.communedx.service.assessment.AssessmentViews.ChangeSinceReview;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentViews.HistoryLine;
import org.communedx.service.assessment.AssessmentViews.AssessmentView;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.scope.Scopes;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The criterion entry workflow. Every call checks the caller's scope (outside it, an entry does not exist), then
 * who may act: commune staff on their own commune's entries; as reviewer, a district official of the commune's
 * district or, for a commune directly under its province, a provincial manager of that province. The entity
 * decides which moves its status allows. Each move is audited in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentWorkflow {

    static final String AUDIT_TYPE = "CRITERION_ENTRY";

    private final AssessmentRepository assessments;

    private final CriterionEntryRepository entries;

    private final PeriodRepository periods;

    private final AdministrativeUnitRepository units;

    private final UserAccountRepository accounts;

    private final Scopes scopes;

    private final AuditLog audit;

    private final Clock clock;

    private final EvidenceCounts evidenceCounts;

    AssessmentWorkflow(AssessmentRepository assessments, CriterionEntryRepository entries, PeriodRepository periods,
            AdministrativeUnitRepository units, UserAccountRepository accounts, Scopes scopes, AuditLog audit,
            Clock clock, EvidenceCounts evidenceCounts) {
        this.evidenceCounts = evidenceCounts;
        this.assessments = assessments;
        this.entries = entries;
        this.periods = periods;
        this.units = units;
        this.accounts = accounts;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The commune's assessment for the period, created with every criterion NOT_STARTED on first use. */
    @Transactional
    public AssessmentView open(String communeCode, long periodId) {
        scopes.current().require(communeCode);
        Period period = periods.findWithFramework(periodId)
                .orElseThrow(() -> new EntryNotFoundException("period " + periodId));
        AdministrativeUnit commune = units.findByCodeValidOn(communeCode, period.getStartDate())
                .or(() -> units.findByCodeValidOn(communeCode, period.getEndDate()))
                .orElseThrow(() -> new EntryNotFoundException("commune " + communeCode));
        Assessment assessment = assessments.findByUnitAndPeriod(commune.getId(), periodId)
                .orElseGet(() -> assessments.saveAndFlush(Assessment.open(commune, period, clock.instant())));
        return new AssessmentView(assessment.getId(), commune.getCode(), commune.getName(), periodId,
                period.getName(), entries.findByAssessmentInOrder(assessment.getId()).stream().map(EntryView::of)
                        .toList());
    }

    public EntryView entry(long entryId) {
        return EntryView.of(load(entryId));
    }

    /** Everything the entry page shows; outside the caller's scope the entry does not exist. */
    public EntryDetail detail(long entryId) {
        CriterionEntry entry = load(entryId);
        Assessment assessment = entry.getAssessment();
        Criterion criterion = entry.getCriterion();
        List<HistoryLine> history = audit.history(AUDIT_TYPE, entryId).stream().map(AssessmentWorkflow::line)
                .toList();
        return new EntryDetail(EntryView.of(entry), assessment.getUnit().getCode(), assessment.getUnit().getName(),
                assessment.getPeriod().getId(), assessment.getPeriod().getName(), criterion.getGroup().getCode(),
                criterion.getGroup().name(), criterion.description(), criterion.typicalEvidence(),
                criterion.getTarget(), criterion.getComparison(), criterion.getUnit(), criterion.isEvidenceRequired(),
                evidenceCounts.forEntry(entryId), actions(entry), history, sinceReview(entry, history));
    }

    /** Which moves the current user may make now; the same rules {@link #act} enforces. */
    private Actions actions(CriterionEntry entry) {
        EntryStatus status = entry.getStatus();
        UserAccount account = accounts.findByUsername(Actors.username()).orElse(null);
        AdministrativeUnit commune = entry.getAssessment().getUnit();
        boolean staff = account != null && account.getRole() == Role.COMMUNE_STAFF
                && commune.getCode().equals(account.getUnitCode());
        boolean reviewer = account != null && isReviewer(account, commune);
        return new Actions(staff && status.isEditable(),
                staff && (status == EntryStatus.DRAFT || status == EntryStatus.RETURNED),
                staff && status.isEditable(),
                reviewer && status == EntryStatus.SUBMITTED,
                reviewer && (status == EntryStatus.SUBMITTED || status == EntryStatus.NOT_APPLICABLE_REQUESTED),
                reviewer && status.isLocked(),
                reviewer && status == EntryStatus.NOT_APPLICABLE_REQUESTED);
    }

    private static HistoryLine line(AuditEvent event) {
        Map<String, Object> before = Snapshots.read(event.beforeJson());
        Map<String, Object> after = Snapshots.read(event.afterJson());
        String reason = REVIEW_ACTIONS.contains(event.action()) ? Snapshots.text(after, "reason") : null;
        return new HistoryLine(event.actor(), event.occurredAt(), event.action(), Snapshots.status(before),
                Snapshots.status(after), Snapshots.value(before), Snapshots.value(after), reason);
    }

    /** For an entry back under review after a return or reopening: its value then and now. */
    private static ChangeSinceReview sinceReview(CriterionEntry entry, List<HistoryLine> history) {
        if (entry.getStatus() != EntryStatus.SUBMITTED && entry.getStatus() != EntryStatus.NOT_APPLICABLE_REQUESTED) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryLine line = history.get(i);
            if (REVIEW_ACTIONS.contains(line.action())) {
                return new ChangeSinceReview(line.at(), line.actor(), line.reason(), line.valueAfter(), entry.value());
            }
        }
        return null;
    }

    /** Reviews that send an entry back to the commune, after which a resubmission shows what changed. */
    static final Set<String> REVIEW_ACTIONS = Set.of("RETURN", "REOPEN");

    /** The value at the last return or reopening, for each entry that has one; one query for a whole queue. */
    Map<Long, ChangeSinceReview> sinceReview(Map<Long, EntryValue> currentValues) {
        Map<Long, ChangeSinceReview> changes = new HashMap<>();
        audit.latest(AUDIT_TYPE, currentValues.keySet(), REVIEW_ACTIONS).forEach((id, event) -> {
            Map<String, Object> after = Snapshots.read(event.afterJson());
            long entryId = Long.parseLong(id);
            changes.put(entryId, new ChangeSinceReview(event.occurredAt(), event.actor(),
                    Snapshots.text(after, "reason"), Snapshots.value(after), currentValues.get(entryId)));
        });
        return changes;
    }

    @Transactional
    public EntryView saveValue(long entryId, long version, EntryValue value, String explanation) {
        return act(entryId, version, Actor.COMMUNE, "SAVE_VALUE",
                entry -> entry.saveValue(value, explanation, Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView submit(long entryId, long version) {
        return act(entryId, version, Actor.COMMUNE, "SUBMIT",
                entry -> entry.submit(evidenceCount(entry), Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView requestNotApplicable(long entryId, long version, String explanation) {
        return act(entryId, version, Actor.COMMUNE, "REQUEST_NOT_APPLICABLE",
                entry -> entry.requestNotApplicable(explanation, Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView approve(long entryId, long version) {
        return act(entryId, version, Actor.REVIEWER, "APPROVE",
                entry -> entry.approve(Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView returnWithReason(long entryId, long version, String reason) {
        return act(entryId, version, Actor.REVIEWER, "RETURN",
                entry -> entry.returnWithReason(reason, Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView reopen(long entryId, long version, String reason) {
        return act(entryId, version, Actor.REVIEWER, "REOPEN",
                entry -> entry.reopen(reason, Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView approveNotApplicable(long entryId, long version) {
        return act(entryId, version, Actor.REVIEWER, "APPROVE_NOT_APPLICABLE",
                entry -> entry.approveNotApplicable(Actors.username(), clock.instant()));
    }

    /**
     * Checks, changes, writes and audits. The version the user saw must still be current; and if another
     * transaction commits a change to the entry first, the optimistic lock refuses this one. Either way the user
     * gets {@link EntryConflict} and nothing is written.
     */
    private EntryView act(long entryId, long version, Actor actor, String action, Consumer<CriterionEntry> change) {
        CriterionEntry entry = load(entryId);
        requireActor(actor, entry.getAssessment().getUnit());
        if (entry.getRowVersion() != version) {
            throw new EntryConflict();
        }
        var before = entry.snapshot();
        change.accept(entry);
        try {
            entries.saveAndFlush(entry);
        }
        catch (OptimisticLockingFailureException ex) {
            throw new EntryConflict();
        }
        audit.record(AUDIT_TYPE, entryId, action, before, entry.snapshot());
        return EntryView.of(entry);
    }

    private CriterionEntry load(long entryId) {
        CriterionEntry entry = entries.findForWorkflow(entryId).orElseThrow(() -> new EntryNotFoundException(entryId));
        scopes.current().require(entry.getAssessment().getUnit().getCode());
        return entry;
    }

    private void requireActor(Actor actor, AdministrativeUnit commune) {
        UserAccount account = accounts.findByUsername(Actors.username())
                .orElseThrow(() -> new AccessDeniedException("No account"));
        boolean allowed = switch (actor) {
            case COMMUNE -> account.getRole() == Role.COMMUNE_STAFF && commune.getCode().equals(account.getUnitCode());
            case REVIEWER -> isReviewer(account, commune);
        };
        if (!allowed) {
            throw new AccessDeniedException(account.getUsername() + " may not act as " + actor + " on "
                    + commune.getCode());
        }
    }

    /** The district's officials review its communes; where a commune has no district, its province's managers. */
    static boolean isReviewer(UserAccount account, AdministrativeUnit commune) {
        AdministrativeUnit parent = commune.getParent();
        if (parent == null || !parent.getCode().equals(account.getUnitCode())) {
            return false;
        }
        return parent.getLevel() == UnitLevel.DISTRICT ? account.getRole() == Role.DISTRICT_OFFICIAL
                : account.getRole() == Role.PROVINCE_MANAGER;
    }

    /**
     * The files stored for the entry. An upload or removal meanwhile bumps the entry's version, so a submission
     * that counted the files before it commits is refused as a conflict rather than submitted on a stale count.
     */
    private int evidenceCount(CriterionEntry entry) {
        return evidenceCounts.forEntry(entry.getId());
    }

    private enum Actor {
        COMMUNE, REVIEWER
    }
}
