package org.communedx.service.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.SuggestedValue;
import org.communedx.model.assessment.SuggestedValueRepository;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.user.Role;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.notification.TrackerEvent;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.notification.TrackerEvent.EntryReopened;
import org.communedx.service.assessment.AssessmentViews.Actions;
import org.communedx.service.assessment.AssessmentViews.ChangeSinceReview;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentViews.EvidenceFile;
import org.communedx.service.assessment.AssessmentViews.SuggestionView;
import org.communedx.service.assessment.AssessmentViews.HistoryLine;
import org.communedx.service.assessment.AssessmentViews.AssessmentView;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.scope.Acting;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The criterion entry workflow. Every call checks the caller's scope (outside it, an entry does not exist), then
 * who may act: commune staff on their own commune's entries, until their period's submission deadline; as reviewer,
 * a district official of the commune's district or, for a commune directly under its province, a district official
 * who sits at that province or a provincial manager of it, before and after the deadline. The entity decides which moves its status allows. Each move is
 * audited in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentWorkflow {

    static final String AUDIT_TYPE = "CRITERION_ENTRY";

    private final AssessmentRepository assessments;

    private final CriterionEntryRepository entries;

    private final PeriodRepository periods;

    private final Scopes scopes;

    private final AuditLog audit;

    private final Clock clock;

    private final EvidenceCounts evidenceCounts;

    private final ProgressLedger progress;

    private final SuggestedValueRepository suggestions;

    private final ApplicationEventPublisher events;

    AssessmentWorkflow(AssessmentRepository assessments, CriterionEntryRepository entries, PeriodRepository periods,
            Scopes scopes, AuditLog audit,
            Clock clock, EvidenceCounts evidenceCounts, ProgressLedger progress,
            SuggestedValueRepository suggestions, ApplicationEventPublisher events) {
        this.suggestions = suggestions;
        this.events = events;
        this.evidenceCounts = evidenceCounts;
        this.progress = progress;
        this.assessments = assessments;
        this.entries = entries;
        this.periods = periods;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The commune's assessment for the period, created with every criterion NOT_STARTED if it does not exist: a
     * write, which no page makes (their reads store nothing), for the tests that set up a period's entries.
     */
    @Transactional
    public AssessmentView open(String communeCode, long periodId) {
        Assessment assessment = stored(communeCode, periodId);
        return new AssessmentView(assessment.getId(), assessment.getUnit().getCode(), assessment.getUnit().getName(),
                periodId, assessment.getPeriod().getName(), entries.findByAssessmentInOrder(assessment.getId())
                        .stream().map(EntryView::of).toList());
    }

    /**
     * The commune's assessment for the period as it stands, with its commune and its period (and the period's
     * framework) loaded, for the services that read its entries their own way, such as the scorecard. Before the
     * commune's first write in the period it is not stored, and this is the unsaved assessment that write will
     * store, every criterion NOT_STARTED: reads show it and write nothing, so that opening a page never moves the
     * data's revision. Outside the caller's scope it does not exist.
     */
    Assessment current(String communeCode, long periodId) {
        Located located = locate(communeCode, periodId);
        return assessments.findByUnitAndPeriod(located.commune().getId(), periodId)
                .orElseGet(() -> Assessment.open(located.commune(), located.period(), clock.instant()));
    }

    /** The entries of {@link #current}, by group and criterion position; unsaved ones have no id. */
    List<CriterionEntry> entriesInOrder(Assessment assessment) {
        return assessment.getId() == null ? assessment.getEntries()
                : entries.findByAssessmentInOrder(assessment.getId());
    }

    /**
     * The stored assessment, which the commune's first write in the period creates; for the writes only, in their
     * transaction, so that a refused write leaves nothing behind.
     */
    private Assessment stored(String communeCode, long periodId) {
        Located located = locate(communeCode, periodId);
        return storedFor(located.commune(), located.period());
    }

    /**
     * {@link #stored}'s assessment of a commune its caller has already found in the period and checked against the
     * scope: for {@link SystemSubmissions}, which found a province's communes at once.
     */
    Assessment storedFor(AdministrativeUnit commune, Period period) {
        long periodId = period.getId();
        return assessments.findByUnitAndPeriod(commune.getId(), periodId).orElseGet(() -> {
            assessments.lockCreation(commune.getId(), periodId);
            // Whoever held the lock may have created it meanwhile; this query sees what they committed.
            return assessments.findByUnitAndPeriod(commune.getId(), periodId).orElseGet(() -> {
                if (periods.holdFramework(periodId) != period.getFramework().getId()) {
                    // An administrator gave the period another framework after this transaction read it: this write
                    // was meant for criteria the period no longer has. Nothing is saved; the user sees a page that
                    // says so (a conflict) and starts again from the period as it now is.
                    throw new OptimisticLockingFailureException("The framework of period " + periodId
                            + " changed while its first assessment was being created");
                }
                // Not yet a begun commune (its summary row, which the rankings read): it begins with its first
                // change of an entry, which records it. A reviewer's comment stores the entries it is about, and
                // ranked a commune that had written nothing 0 points, class Yếu.
                return assessments.saveAndFlush(Assessment.open(commune, period, clock.instant()));
            });
        });
    }

    /** The workflow's clock, for the writes made alongside it. */
    Instant now() {
        return clock.instant();
    }

    /**
     * The commune that held the code during the period, and the period, after the scope check. The check is on that
     * unit, not on the code: a code reused by a merger names another unit, in another district, after it.
     */
    private Located locate(String communeCode, long periodId) {
        UnitScope scope = scopes.current();
        scope.require(communeCode);
        Period period = periods.findWithFramework(periodId)
                .orElseThrow(() -> new EntryNotFoundException("period " + periodId));
        // A district's or province's code has a dashboard, not an assessment.
        AdministrativeUnit commune = scopes.heldDuring(communeCode, period)
                .filter(unit -> unit.getLevel() == UnitLevel.COMMUNE)
                .orElseThrow(() -> new EntryNotFoundException("commune " + communeCode));
        scope.require(commune);
        return new Located(commune, period);
    }

    private record Located(AdministrativeUnit commune, Period period) {
    }

    /**
     * The id of the entry at the address, for a write that follows in the caller's transaction. The commune's first
     * write in the period creates its assessment, one entry per criterion; two first writes at once create it once,
     * the second waiting for the first (see {@link AssessmentRepository#lockCreation}).
     */
    @Transactional
    public long entryToWrite(CriterionAddress address) {
        Assessment assessment = stored(address.communeCode(), address.periodId());
        return entries.findForWorkflow(assessment.getId(), address.criterionCode())
                .orElseThrow(() -> new EntryNotFoundException("criterion " + address.criterionCode()))
                .getId();
    }

    /** The id of the entry at the address, if it is stored yet; outside the caller's scope it does not exist. */
    public Optional<Long> storedEntryId(CriterionAddress address) {
        Located located = locate(address.communeCode(), address.periodId());
        return assessments.findByUnitAndPeriod(located.commune().getId(), address.periodId())
                .flatMap(assessment -> entries.findForWorkflow(assessment.getId(), address.criterionCode()))
                .map(CriterionEntry::getId);
    }

    public EntryView entry(long entryId) {
        return EntryView.of(load(entryId));
    }

    /** Everything the entry page shows; outside the caller's scope the entry does not exist. */
    public EntryDetail detail(long entryId) {
        return detail(load(entryId));
    }

    /**
     * The entry page of a criterion of a commune's assessment, found by its address: the stored entry, or before the
     * commune's first write the unsaved NOT_STARTED one, with no history and no files.
     */
    public EntryDetail detail(CriterionAddress address) {
        Assessment assessment = current(address.communeCode(), address.periodId());
        Optional<CriterionEntry> entry = assessment.getId() == null ? assessment.entry(address.criterionCode())
                : entries.findForWorkflow(assessment.getId(), address.criterionCode());
        return detail(entry.orElseThrow(() -> new EntryNotFoundException("criterion " + address.criterionCode())));
    }

    private EntryDetail detail(CriterionEntry entry) {
        Assessment assessment = entry.getAssessment();
        Criterion criterion = entry.getCriterion();
        Long entryId = entry.getId();
        // The files' events serve both the history and, after a review, the files added and removed since.
        Map<String, List<AuditEvent>> fileEvents = entryId == null ? Map.of()
                : fileEvents(List.of(entryId), Instant.EPOCH);
        List<HistoryLine> history = entryId == null ? List.of() : history(entryId, fileEvents);
        Period period = assessment.getPeriod();
        boolean deadlinePassed = !openToCommune(period);
        SuggestionView suggestion = suggestions.findForCriterion(assessment.getUnit().getId(), period.getId(),
                criterion.getCode()).map(found -> SuggestionView.of(found, entry.value())).orElse(null);
        boolean waitsForReviewer = entry.getStatus() == EntryStatus.SUBMITTED
                || entry.getStatus() == EntryStatus.NOT_APPLICABLE_REQUESTED;
        return new EntryDetail(EntryView.of(entry), assessment.getUnit().getCode(), assessment.getUnit().getName(),
                period.getId(), period.getName(), period.getSubmissionDeadline(), period.getGraceDays(),
                period.closesAfter(), deadlinePassed,
                deadlinePassed && !entry.isReopenedForCommune() && isOwnStaff(assessment.getUnit()),
                deadlinePassed && entry.isReopenedForCommune(), waitsForReviewer && isOwnStaff(assessment.getUnit()),
                criterion.getGroup().getCode(),
                criterion.getGroup().name(), criterion.description(), criterion.typicalEvidence(),
                criterion.getTarget(), criterion.getComparison(), criterion.getUnit(), criterion.isEvidenceRequired(),
                entryId == null ? 0 : evidenceCounts.forEntry(entryId), actions(entry, suggestion), history,
                sinceReview(entry, history, fileEvents), suggestion, entry.getPoints(), criterion.getWeight(),
                criterion.scoring(), period.getFramework().scoreSettings());
    }

    /** Which moves the current user may make now; the same rules {@link #act} enforces. */
    private Actions actions(CriterionEntry entry, SuggestionView suggestion) {
        EntryStatus status = entry.getStatus();
        Acting account = scopes.acting().orElse(null);
        AdministrativeUnit commune = entry.getAssessment().getUnit();
        boolean periodOpen = openToCommune(entry.getAssessment().getPeriod());
        boolean staff = account != null && isStaff(account, commune) && entry.isOpenToCommune(today());
        boolean reviewer = account != null && isReviewer(account, commune);
        return new Actions(staff && status.isEditable(),
                staff && (status == EntryStatus.DRAFT || status == EntryStatus.RETURNED),
                staff && status.isEditable(),
                reviewer && status == EntryStatus.SUBMITTED,
                reviewer && (status == EntryStatus.SUBMITTED || status == EntryStatus.NOT_APPLICABLE_REQUESTED),
                reviewer && periodOpen && status.isLocked(),
                reviewer && status == EntryStatus.NOT_APPLICABLE_REQUESTED,
                staff && status.isEditable() && suggestion != null && !suggestion.taken(),
                reviewer && !periodOpen && !entry.isReopenedForCommune(),
                account != null && talksAbout(account, commune));
    }

    /**
     * The entry's own events and those of its evidence files, oldest first. The first file of an untouched entry
     * writes two rows in one transaction, the file's and the entry's move to DRAFT: they make one line.
     */
    private List<HistoryLine> history(long entryId, Map<String, List<AuditEvent>> fileEvents) {
        List<HistoryLine> files = new ArrayList<>();
        fileEvents.forEach((fileId, events) -> events.forEach(event -> files.add(new HistoryLine(
                        event.actor(), event.occurredAt(), event.action(), null, null, null, null, null, false, null,
                        dated(fileId, event, event.afterJson() != null ? event.afterJson() : event.beforeJson())
                                .file()))));
        files.sort(Comparator.comparing(HistoryLine::at));
        List<HistoryLine> lines = new ArrayList<>();
        for (AuditEvent event : audit.history(AUDIT_TYPE, entryId)) {
            HistoryLine own = line(event);
            Optional<HistoryLine> upload = !EVIDENCE_ADDED.equals(own.action()) ? Optional.empty()
                    : files.stream().filter(file -> EVIDENCE_ADDED.equals(file.action())
                            && file.actor().equals(own.actor()) && !file.at().isAfter(own.at()))
                            .reduce((earlier, later) -> later);
            upload.ifPresent(files::remove);
            lines.add(upload.map(file -> own.withFile(file.file())).orElse(own));
        }
        lines.addAll(files);
        lines.sort(Comparator.comparing(HistoryLine::at));
        return List.copyOf(lines);
    }

    private static HistoryLine line(AuditEvent event) {
        Map<String, Object> before = Snapshots.read(event.beforeJson());
        Map<String, Object> after = Snapshots.read(event.afterJson());
        String reason = REVIEW_ACTIONS.contains(event.action()) ? Snapshots.text(after, "reason") : null;
        String explanation = Snapshots.text(after, "explanation");
        boolean explanationChanged = !Objects.equals(Snapshots.text(before, "explanation"), explanation);
        return new HistoryLine(event.actor(), event.occurredAt(), event.action(), Snapshots.status(before),
                Snapshots.status(after), Snapshots.value(before), Snapshots.value(after), reason, explanationChanged,
                explanation, null);
    }

    /**
     * For an entry back under review after a return or reopening: its value then and now, and the evidence files
     * added and removed since.
     */
    private ChangeSinceReview sinceReview(CriterionEntry entry, List<HistoryLine> history,
            Map<String, List<AuditEvent>> fileEvents) {
        if (entry.getStatus() != EntryStatus.SUBMITTED && entry.getStatus() != EntryStatus.NOT_APPLICABLE_REQUESTED) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryLine line = history.get(i);
            if (REVIEW_ACTIONS.contains(line.action())) {
                EvidenceSince evidence = evidenceSince(Map.of(entry.getId(), line.at()), fileEvents)
                        .getOrDefault(entry.getId(), EvidenceSince.NONE);
                return new ChangeSinceReview(line.at(), line.actor(), line.reason(), line.valueAfter(), entry.value(),
                        evidence.added(), evidence.removed());
            }
        }
        return null;
    }

    /** Reviews that send an entry back to the commune, after which a resubmission shows what changed. */
    static final Set<String> REVIEW_ACTIONS = Set.of("RETURN", "REOPEN", "REOPEN_FOR_COMMUNE");

    /**
     * What the evidence service writes to the audit trail: a row per file, whose snapshot names the file's entry in
     * {@code entryId}, after an upload and before a removal.
     */
    static final String EVIDENCE_AUDIT_TYPE = "EVIDENCE";

    static final String EVIDENCE_ADDED = "ADD_EVIDENCE";

    static final String EVIDENCE_REMOVED = "REMOVE_EVIDENCE";

    /**
     * The value at the last return or reopening, and the evidence added and removed since, for each entry that has
     * one; two queries for a whole queue.
     */
    Map<Long, ChangeSinceReview> sinceReview(Map<Long, EntryValue> currentValues) {
        Map<Long, AuditEvent> reviews = new HashMap<>();
        audit.latest(AUDIT_TYPE, currentValues.keySet(), REVIEW_ACTIONS)
                .forEach((id, event) -> reviews.put(Long.parseLong(id), event));
        Map<Long, Instant> reviewedAt = new HashMap<>();
        reviews.forEach((entryId, event) -> reviewedAt.put(entryId, event.occurredAt()));
        Map<Long, EvidenceSince> evidence = reviewedAt.isEmpty() ? Map.of()
                : evidenceSince(reviewedAt, fileEvents(reviewedAt.keySet(), Collections.min(reviewedAt.values())));
        Map<Long, ChangeSinceReview> changes = new HashMap<>();
        reviews.forEach((entryId, event) -> {
            Map<String, Object> after = Snapshots.read(event.afterJson());
            EvidenceSince files = evidence.getOrDefault(entryId, EvidenceSince.NONE);
            changes.put(entryId, new ChangeSinceReview(event.occurredAt(), event.actor(),
                    Snapshots.text(after, "reason"), Snapshots.value(after), currentValues.get(entryId), files.added(),
                    files.removed()));
        });
        return changes;
    }

    /**
     * The evidence files added to and removed from each entry after the time of its review, from the audit trail in
     * one query for all the entries. A file added and removed again since then is in neither list.
     */
    /** The evidence files' additions and removals on these entries after {@code after}, by file id. */
    private Map<String, List<AuditEvent>> fileEvents(Collection<Long> entryIds, Instant after) {
        return audit.referringTo(EVIDENCE_AUDIT_TYPE, List.of(EVIDENCE_ADDED, EVIDENCE_REMOVED), "entryId", entryIds,
                after);
    }

    /** From the files' events (at least those after each review), the files added and removed since it. */
    private Map<Long, EvidenceSince> evidenceSince(Map<Long, Instant> reviewedAt,
            Map<String, List<AuditEvent>> fileEvents) {
        Map<Long, List<Dated>> added = new HashMap<>();
        Map<Long, List<Dated>> removed = new HashMap<>();
        fileEvents.forEach((fileId, events) -> {
            AuditEvent first = events.get(0);
            Map<String, Object> snapshot = Snapshots.read(first.afterJson() != null ? first.afterJson()
                    : first.beforeJson());
            long entryId = ((Number) snapshot.get("entryId")).longValue();
            Instant since = reviewedAt.get(entryId);
            List<AuditEvent> later = events.stream().filter(event -> event.occurredAt().isAfter(since))
                    .toList();
            Optional<AuditEvent> add = later.stream().filter(event -> EVIDENCE_ADDED.equals(event.action()))
                    .findFirst();
            Optional<AuditEvent> remove = later.stream()
                    .filter(event -> EVIDENCE_REMOVED.equals(event.action())).findFirst();
            if (add.isPresent() && remove.isEmpty()) {
                added.computeIfAbsent(entryId, id -> new ArrayList<>())
                        .add(dated(fileId, add.get(), add.get().afterJson()));
            }
            else if (remove.isPresent() && add.isEmpty()) {
                removed.computeIfAbsent(entryId, id -> new ArrayList<>())
                        .add(dated(fileId, remove.get(), remove.get().beforeJson()));
            }
        });
        Map<Long, EvidenceSince> evidence = new HashMap<>();
        reviewedAt.keySet().forEach(entryId -> evidence.put(entryId, new EvidenceSince(
                Dated.inOrder(added.get(entryId)), Dated.inOrder(removed.get(entryId)))));
        return evidence;
    }

    private static Dated dated(String fileId, AuditEvent event, String snapshotJson) {
        Map<String, Object> snapshot = Snapshots.read(snapshotJson);
        return new Dated(event.occurredAt(), new EvidenceFile(Long.parseLong(fileId),
                Snapshots.text(snapshot, "originalName"), Snapshots.text(snapshot, "title"),
                Snapshots.text(snapshot, "documentNumber")));
    }

    /** The files added to and removed from one entry since its review, each list oldest first. */
    private record EvidenceSince(List<EvidenceFile> added, List<EvidenceFile> removed) {

        static final EvidenceSince NONE = new EvidenceSince(List.of(), List.of());
    }

    /** A file with the time it was added or removed, to list the files in that order. */
    private record Dated(Instant at, EvidenceFile file) {

        static List<EvidenceFile> inOrder(List<Dated> files) {
            return files == null ? List.of()
                    : files.stream().sorted(Comparator.comparing(Dated::at)).map(Dated::file).toList();
        }
    }

    @Transactional
    public EntryView saveValue(long entryId, long version, EntryValue value, String explanation) {
        return act(entryId, version, Actor.COMMUNE, "SAVE_VALUE",
                entry -> entry.saveValue(value, explanation, Actors.username(), clock.instant()));
    }

    /** Saves a value at the criterion's address; the commune's first write creates its entries. */
    @Transactional
    public EntryView saveValue(CriterionAddress address, long version, EntryValue value, String explanation) {
        return saveValue(entryToWrite(address), version, value, explanation);
    }

    @Transactional
    public EntryView submit(long entryId, long version) {
        return act(entryId, version, Actor.COMMUNE, "SUBMIT",
                entry -> entry.submit(evidenceCount(entry), Actors.username(), clock.instant()));
    }

    /**
     * Submits at the criterion's address. A commune that has begun nothing has nothing to submit; the entries this
     * stores to say so are rolled back with the refusal, so that it still has not begun.
     */
    @Transactional
    public EntryView submit(CriterionAddress address, long version) {
        return submit(entryToWrite(address), version);
    }

    /**
     * Submits at once every draft of the commune's period that its staff saved: each as {@link #submit} would, by
     * the entry's own rule, so that one without its value or its evidence is left as it is and told why. An entry a
     * reviewer returned is left too, and told to be corrected and sent from its own page: saving its value makes it a
     * draft again, while one still returned has had no new value since, and "submit all" sent it back unchanged.
     * All or nothing: if another user changes any of them meanwhile, none is submitted.
     * @throws EntryConflict when another transaction changed one of the entries first
     */
    @Transactional
    public SubmitAll submitAll(String communeCode, long periodId) {
        Assessment assessment = current(communeCode, periodId);
        requireActor(Actor.COMMUNE, assessment.getUnit());
        LocalDate today = today();
        // After closing, only the entries a reviewer reopened for the commune are still its to submit.
        List<CriterionEntry> open = entriesInOrder(assessment).stream()
                .filter(entry -> entry.getId() != null)
                .filter(entry -> entry.getStatus() == EntryStatus.DRAFT || entry.getStatus() == EntryStatus.RETURNED)
                .filter(entry -> entry.isOpenToCommune(today))
                .toList();
        List<CriterionEntry> saved = open.stream().filter(entry -> entry.getStatus() == EntryStatus.DRAFT).toList();
        if (saved.isEmpty()) {
            requireOpenToCommune(assessment.getPeriod());
        }
        Map<Long, Integer> evidence = evidenceCounts.forEntries(saved.stream().map(CriterionEntry::getId).toList());
        List<SubmitAll.Line> submitted = new ArrayList<>();
        List<SubmitAll.Line> left = new ArrayList<>();
        Instant now = clock.instant();
        for (CriterionEntry entry : open) {
            if (entry.getStatus() == EntryStatus.RETURNED) {
                left.add(SubmitAll.Line.of(entry, new RuleViolation("entry.submitAll.returned")));
                continue;
            }
            var before = entry.snapshot();
            try {
                entry.submit(evidence.getOrDefault(entry.getId(), 0), Actors.username(), now);
            }
            catch (RuleViolation refused) {
                left.add(SubmitAll.Line.of(entry, refused));
                continue;
            }
            audit.record(AUDIT_TYPE, entry.getId(), "SUBMIT", before, entry.snapshot());
            submitted.add(SubmitAll.Line.of(entry, null));
        }
        if (!submitted.isEmpty()) {
            try {
                entries.saveAllAndFlush(saved);
            }
            catch (OptimisticLockingFailureException ex) {
                throw new EntryConflict();
            }
            progress.record(assessment.getId(), now);
        }
        return new SubmitAll(submitted, left);
    }

    /**
     * What {@link #submitAll} did: the entries submitted, and those left as they were, each with the refusal that
     * says why; both in the scorecard's order.
     */
    public record SubmitAll(List<Line> submitted, List<Line> left) {

        /** @param messageKey why the entry was left, with its {@code arguments}; null for one submitted */
        public record Line(String criterionCode, LocalizedText criterionName, String messageKey,
                List<Object> arguments) {

            static Line of(CriterionEntry entry, RuleViolation refused) {
                Criterion criterion = entry.getCriterion();
                return new Line(criterion.getCode(), criterion.name(),
                        refused == null ? null : refused.messageKey(),
                        refused == null ? List.of() : refused.arguments());
            }
        }
    }

    /**
     * Commune staff take the value a provincial system suggests for the criterion into their entry, which becomes a
     * DRAFT with it, as if they had typed it (their explanation stays); audited as {@code TAKE_SUGGESTION} with the
     * source. The commune's first write creates its entries.
     * @param receivedAt when the suggestion the user saw was received: a system may push another meanwhile, which
     *     does not change the entry's version, and the user agreed to the value they saw, not to that one; a later
     *     one, or none, saves nothing
     * @throws EntryNotFoundException when there is no suggestion for the criterion
     */
    @Transactional
    public EntryView takeSuggestion(CriterionAddress address, long version, Instant receivedAt) {
        long entryId = entryToWrite(address);
        CriterionEntry stored = load(entryId);
        SuggestedValue suggestion = suggestions.findForCriterion(stored.getAssessment().getUnit().getId(),
                address.periodId(), address.criterionCode())
                .orElseThrow(() -> new EntryNotFoundException("suggestion for " + address.criterionCode()));
        return act(entryId, version, Actor.COMMUNE, TAKE_SUGGESTION, Map.of("source", suggestion.getSource()),
                entry -> {
                    if (!suggestion.getReceivedAt().equals(receivedAt)) {
                        throw new RuleViolation("entry.suggestionChanged");
                    }
                    entry.saveValue(suggestion.value(), entry.getExplanation(), Actors.username(), clock.instant());
                });
    }

    /**
     * Takes every suggested value of the commune's period into the entries that can take one (not started, draft
     * or returned, and not holding that very value already), each as {@link #takeSuggestion} would: all or nothing,
     * like {@link #submitAll}.
     * @param seenUpTo when the latest suggestion the user saw was received: one received later, which they have not
     *     seen, saves nothing, as {@link #takeSuggestion} refuses one
     * @return the criteria whose entries took their suggestion, in the scorecard's order
     * @throws EntryConflict when another transaction changed one of the entries first
     */
    @Transactional
    public List<SubmitAll.Line> takeAllSuggestions(String communeCode, long periodId, Instant seenUpTo) {
        Assessment current = current(communeCode, periodId);
        requireActor(Actor.COMMUNE, current.getUnit());
        requireOpenToCommune(current.getPeriod());
        Map<String, SuggestedValue> suggested = new HashMap<>();
        suggestions.findForCommune(current.getUnit().getId(), periodId)
                .forEach(suggestion -> suggested.put(suggestion.getCriterion().getCode(), suggestion));
        if (suggested.isEmpty()) {
            return List.of();
        }
        if (suggested.values().stream().anyMatch(suggestion -> seenUpTo == null
                || suggestion.getReceivedAt().isAfter(seenUpTo))) {
            throw new RuleViolation("scorecard.suggestionsChanged");
        }
        Assessment assessment = current.getId() != null ? current : stored(communeCode, periodId);
        List<CriterionEntry> taking = entriesInOrder(assessment).stream()
                .filter(entry -> entry.getStatus().isEditable())
                .filter(entry -> suggested.containsKey(entry.getCriterion().getCode()) && !suggested
                        .get(entry.getCriterion().getCode()).value().equals(entry.value()))
                .toList();
        Instant now = clock.instant();
        List<SubmitAll.Line> taken = new ArrayList<>();
        for (CriterionEntry entry : taking) {
            SuggestedValue suggestion = suggested.get(entry.getCriterion().getCode());
            var before = entry.snapshot();
            entry.saveValue(suggestion.value(), entry.getExplanation(), Actors.username(), now);
            Map<String, Object> after = new java.util.LinkedHashMap<>(entry.snapshot());
            after.put("source", suggestion.getSource());
            audit.record(AUDIT_TYPE, entry.getId(), TAKE_SUGGESTION, before, after);
            taken.add(SubmitAll.Line.of(entry, null));
        }
        if (!taken.isEmpty()) {
            try {
                entries.saveAllAndFlush(taking);
            }
            catch (OptimisticLockingFailureException ex) {
                throw new EntryConflict();
            }
            progress.record(assessment.getId(), now);
        }
        return taken;
    }

    static final String TAKE_SUGGESTION = "TAKE_SUGGESTION";

    @Transactional
    public EntryView requestNotApplicable(long entryId, long version, String explanation) {
        return act(entryId, version, Actor.COMMUNE, "REQUEST_NOT_APPLICABLE",
                entry -> entry.requestNotApplicable(explanation, Actors.username(), clock.instant()));
    }

    /** Asks for "not applicable" at the criterion's address; the commune's first write creates its entries. */
    @Transactional
    public EntryView requestNotApplicable(CriterionAddress address, long version, String explanation) {
        return requestNotApplicable(entryToWrite(address), version, explanation);
    }

    @Transactional
    public EntryView approve(long entryId, long version) {
        return act(entryId, version, Actor.REVIEWER, "APPROVE",
                entry -> entry.approve(Actors.username(), clock.instant()));
    }

    @Transactional
    public EntryView returnWithReason(long entryId, long version, String reason) {
        EntryView returned = act(entryId, version, Actor.REVIEWER, "RETURN",
                entry -> entry.returnWithReason(reason, Actors.username(), clock.instant()));
        // In this transaction: the commune's staff are told if and only if the return commits.
        events.publishEvent(new TrackerEvent.EntryReturned(entryId, reason));
        return returned;
    }

    /**
     * A reviewer reopens an approved (or approved not-applicable) entry with a reason: it goes back to the commune
     * as RETURNED. Once the period has closed to communes the commune could not answer, so there it is
     * {@link #reopenForCommune} instead. Publishes {@link EntryReopened}.
     */
    @Transactional
    public EntryView reopen(long entryId, long version, String reason) {
        if (!openToCommune(load(entryId).getAssessment().getPeriod())) {
            return reopenForCommune(entryId, version, reason);
        }
        EntryView reopened = act(entryId, version, Actor.REVIEWER, "REOPEN",
                entry -> entry.reopen(reason, Actors.username(), clock.instant()));
        events.publishEvent(new EntryReopened(entryId, reopened.reason()));
        return reopened;
    }

    /**
     * After the period closed to communes (deadline plus grace), a reviewer hands one commune's entry back to it with
     * a reason, whatever its status: that entry alone takes the commune's changes again until the commune submits it
     * ({@link CriterionEntry#reopenForCommune}). Audited as {@code REOPEN_FOR_COMMUNE}; publishes
     * {@link EntryReopened} so that the commune is told. While the period is open there is nothing to reopen:
     * the reviewer returns or reopens the entry as usual.
     */
    @Transactional
    public EntryView reopenForCommune(long entryId, long version, String reason) {
        Period period = load(entryId).getAssessment().getPeriod();
        if (openToCommune(period)) {
            throw new RuleViolation("entry.refused.periodStillOpen", period.closesAfter());
        }
        EntryView reopened = act(entryId, version, Actor.REVIEWER, "REOPEN_FOR_COMMUNE",
                entry -> entry.reopenForCommune(reason, Actors.username(), clock.instant()));
        events.publishEvent(new EntryReopened(entryId, reopened.reason()));
        return reopened;
    }

    /**
     * The same at the criterion's address, for a commune that never wrote in the period: the reopening stores its
     * entries first, the reviewer's write being the first.
     */
    @Transactional
    public EntryView reopenForCommune(CriterionAddress address, long version, String reason) {
        return reopenForCommune(entryToWrite(address), version, reason);
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
        return act(entryId, version, actor, action, Map.of(), change);
    }

    /** {@link #act}, with {@code note} added to what the audit trail records after the change. */
    private EntryView act(long entryId, long version, Actor actor, String action, Map<String, Object> note,
            Consumer<CriterionEntry> change) {
        CriterionEntry entry = load(entryId);
        requireActor(actor, entry.getAssessment().getUnit());
        if (actor == Actor.COMMUNE) {
            // Before the version check: a page left open across the deadline is told why, not that it is stale.
            entry.requireOpenToCommune(today());
        }
        if (entry.getRowVersion() != version) {
            throw EntryConflict.seenBefore(entry, Actors.username());
        }
        var before = entry.snapshot();
        change.accept(entry);
        if (entry.snapshot().equals(before) && note.isEmpty()) {
            // Nothing changed (a draft saved again as it was): nothing to write, audit or count.
            return EntryView.of(entry);
        }
        try {
            entries.saveAndFlush(entry);
        }
        catch (OptimisticLockingFailureException ex) {
            throw new EntryConflict();
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>(entry.snapshot());
        after.putAll(note);
        audit.record(AUDIT_TYPE, entryId, action, before, after);
        progress.record(entry.getAssessment().getId(), clock.instant());
        return EntryView.of(entry);
    }

    private CriterionEntry load(long entryId) {
        CriterionEntry entry = entries.findForWorkflow(entryId).orElseThrow(() -> new EntryNotFoundException(entryId));
        scopes.current().require(entry.getAssessment().getUnit());
        return entry;
    }

    private void requireActor(Actor actor, AdministrativeUnit commune) {
        Acting account = scopes.acting().orElseThrow(() -> new AccessDeniedException("No account"));
        boolean allowed = switch (actor) {
            case COMMUNE -> isStaff(account, commune);
            case REVIEWER -> isReviewer(account, commune);
        };
        if (!allowed) {
            throw new AccessDeniedException(account.username() + " may not act as " + actor + " on "
                    + commune.getCode());
        }
    }

    /**
     * Whether the one acting takes part in the comment threads of the commune's entries: its staff and its
     * reviewers, the people who act on them.
     */
    public static boolean talksAbout(Acting account, AdministrativeUnit commune) {
        return isStaff(account, commune) || isReviewer(account, commune);
    }

    /** Whether the one acting is staff of the commune: the people who record its entries. */
    public static boolean isStaff(Acting account, AdministrativeUnit commune) {
        return isStaff(account, commune.getCode());
    }

    private static boolean isStaff(Acting account, String communeCode) {
        return account.role() == Role.COMMUNE_STAFF && communeCode.equals(account.unitCode());
    }

    /** Whether the current user is staff of this commune. */
    boolean isOwnStaff(AdministrativeUnit commune) {
        return isOwnStaff(commune.getCode());
    }

    /** Whether the current user is staff of the communes that held this code. */
    boolean isOwnStaff(String communeCode) {
        return scopes.acting().filter(account -> isStaff(account, communeCode)).isPresent();
    }

    /**
     * Today in Vietnam, whose calendar the deadlines are dates of, whatever the server's zone: a deadline of 15
     * December closes at midnight in Hà Nội, not in the server's zone.
     */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
    }

    /**
     * Whether the period still takes commune staff's changes today: {@link Period#isOpenForSubmissions} on Vietnam's
     * date. The pages ask it to offer or withhold the forms; the writes call {@link #requireOpenToCommune}.
     */
    public boolean openToCommune(Period period) {
        return period.isOpenForSubmissions(today());
    }

    /** The same for a period by its id; a period that does not exist takes nothing. */
    public boolean openToCommune(long periodId) {
        return periods.findById(periodId).map(this::openToCommune).orElse(false);
    }

    /**
     * Refuses a change by commune staff (a value, a submission, a not-applicable request here; a file added or
     * removed in the evidence service) once the period's deadline has passed, with
     * {@code period.refused.deadlinePassed}. Reviewers are not bound by it: they review after the deadline.
     */
    public void requireOpenToCommune(Period period) {
        period.requireOpenForSubmissions(today());
    }

    /**
     * The same for one entry: an entry a reviewer reopened for the commune after closing takes its changes
     * ({@link CriterionEntry#requireOpenToCommune}). Every write of the commune on an entry asks this one.
     */
    public void requireOpenToCommune(CriterionEntry entry) {
        entry.requireOpenToCommune(today());
    }

    /** Whether the entry takes commune staff's changes today; see {@link #requireOpenToCommune(CriterionEntry)}. */
    public boolean openToCommune(CriterionEntry entry) {
        return entry.isOpenToCommune(today());
    }

    /**
     * The officials of a commune's district review it; where a commune has no district (every commune since the 2025
     * reform), the officials who sit at its province (a district official's unit may be a province) and the
     * province's managers.
     */
    public static boolean isReviewer(Acting account, AdministrativeUnit commune) {
        AdministrativeUnit parent = commune.getParent();
        if (parent == null || !parent.getCode().equals(account.unitCode())) {
            return false;
        }
        return account.role() == Role.DISTRICT_OFFICIAL
                || (parent.getLevel() == UnitLevel.PROVINCE && account.role() == Role.PROVINCE_MANAGER);
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
