package org.communedx.service.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.SuggestedValueRepository;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.period.TermsRefused;
import org.communedx.model.unit.UnitNames;
import org.communedx.service.Actors;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.period.PlanningViews.Editing;
import org.communedx.service.period.PlanningViews.FrameworkChoice;
import org.communedx.service.period.PlanningViews.PeriodDraft;
import org.communedx.service.period.PlanningViews.PeriodView;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment periods. Everyone who is logged in may list them; provincial managers and administrators create
 * and change them. Periods are national, not bound to a unit, so no scope applies.
 */
@Service
@Transactional(readOnly = true)
public class PeriodService {

    static final String AUDIT_TYPE = "PERIOD";

    private final PeriodRepository periods;

    private final FrameworkRepository frameworks;

    private final AssessmentRepository assessments;

    private final SuggestedValueRepository suggestions;

    private final AuditLog audit;

    private final Clock clock;

    private final ProgressLedger ledger;

    private final ApplicationEventPublisher events;

    PeriodService(PeriodRepository periods, FrameworkRepository frameworks, AssessmentRepository assessments,
            SuggestedValueRepository suggestions, AuditLog audit, Clock clock, ProgressLedger ledger,
            ApplicationEventPublisher events) {
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
        this.periods = periods;
        this.frameworks = frameworks;
        this.assessments = assessments;
        this.suggestions = suggestions;
        this.audit = audit;
    }

    public List<PeriodView> list() {
        return periods.findAllNewestFirst().stream().map(PeriodService::view).toList();
    }

    /**
     * A period whose submission deadline is near, for the administrator who may extend it.
     * @param daysLeft days from today (in Vietnam, as the deadline is judged) to the deadline; negative once passed
     */
    public record NearDeadline(long id, String name, LocalDate submissionDeadline, long daysLeft) {
    }

    /**
     * The periods whose submission deadline passed within {@code daysPast} days or comes within {@code daysAhead},
     * soonest first: what an administrator may be asked to extend, or to announce. Administrators only.
     */
    public List<NearDeadline> deadlinesNear(int daysPast, int daysAhead) {
        Actors.requireAnyRole("Only administrators follow the deadlines", "ADMIN");
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        return periods.findAllNewestFirst().stream()
                .filter(period -> !period.getSubmissionDeadline().isBefore(today.minusDays(daysPast))
                        && !period.getSubmissionDeadline().isAfter(today.plusDays(daysAhead)))
                .sorted(Comparator.comparing(Period::getSubmissionDeadline))
                .map(period -> new NearDeadline(period.getId(), period.getName(), period.getSubmissionDeadline(),
                        ChronoUnit.DAYS.between(today, period.getSubmissionDeadline()))).toList();
    }

    public Editing<PeriodView> get(long id) {
        Period period = load(id);
        return new Editing<>(view(period), period.getRowVersion());
    }

    /**
     * The versions a period may take: the published ones, and for a period that exists the one it has, though it was
     * retired since (see {@link Period#revise}).
     * @param periodId the period being edited, or null for a new one
     */
    public List<FrameworkChoice> frameworkChoices(Long periodId) {
        Long kept = periodId == null ? null : load(periodId).getFramework().getId();
        return frameworks.findAllByOrderByCodeAscVersionDesc().stream()
                .filter(framework -> framework.getStatus() == FrameworkStatus.PUBLISHED
                        || framework.getId().equals(kept))
                .map(framework -> new FrameworkChoice(framework.getId(), label(framework))).toList();
    }

    @Transactional
    public long create(PeriodDraft draft) {
        requireAdministrator();
        requireFreeName(draft, null);
        Period period = periods.save(new Period(terms(draft), framework(draft.frameworkId())));
        audit.record(AUDIT_TYPE, period.getId(), "CREATE", null, view(period));
        return period.getId();
    }

    /**
     * @param version the period's version that the form was opened on: a later one means someone saved meanwhile,
     *     whose change this save would undo without a word, and nothing is saved; so does none, which cannot show
     *     that it is not stale
     */
    @Transactional
    public void edit(long id, Long version, PeriodDraft draft) {
        requireAdministrator();
        Period period = load(id);
        if (version == null || version != period.getRowVersion()) {
            throw new RuleViolation("period.invalid.changedMeanwhile");
        }
        PeriodView before = view(period);
        requireFreeName(draft, id);
        if (draft.frameworkId() != before.frameworkId()) {
            // The framework may change only while the period has no assessment. A commune's first write holds the
            // period's row while it creates one (AssessmentWorkflow): taking the row first waits for any such write,
            // whose assessment the check then sees, and makes any that follows see the new framework. Other edits
            // do not conflict with that hold, so a deadline change never waits for a province's prefill.
            periods.lockForFrameworkChange(id);
            if (assessments.existsByPeriodId(id)) {
                throw new RuleViolation("period.invalid.frameworkInUse");
            }
        }
        requireRecordedDaysKept(period, draft);
        period.revise(terms(draft), framework(draft.frameworkId()));
        periods.flush();
        PeriodView after = view(period);
        audit.record(AUDIT_TYPE, id, "EDIT", before, after);
        if (!after.submissionDeadline().equals(before.submissionDeadline())) {
            events.publishEvent(new SubmissionDeadlineMoved(id, after.submissionDeadline()));
        }
    }

    /**
     * New dates may lengthen a period, and shorten it only by days in which no commune's figures changed: taking such
     * days out would take the figures of those days out of its trend and its plans, and a plan judged on them would
     * change its verdict without a word. Dates the terms refuse anyway are left to them.
     */
    private void requireRecordedDaysKept(Period period, PeriodDraft draft) {
        if (draft.startDate() == null || draft.endDate() == null || draft.endDate().isBefore(draft.startDate())) {
            return;
        }
        ledger.recordedOutside(period.getId(), period.getStartDate(), period.getEndDate(), draft.startDate(),
                draft.endDate()).ifPresent(days -> {
                    throw days.first().equals(days.last())
                            ? new RuleViolation("period.invalid.recordedDayOutside", days.first())
                            : new RuleViolation("period.invalid.recordedDaysOutside", days.first(), days.last());
                });
    }

    /**
     * The other periods whose days overlap this one's, by name: communes see every such period in their list and may
     * write into the wrong one, so the page that saved it says so.
     */
    public List<String> overlapping(long id) {
        Period period = load(id);
        return overlapping(period.getStartDate(), period.getEndDate(), id);
    }

    /**
     * The periods, by name, that a period of the draft's days would overlap and that the period being edited does not
     * overlap yet: once saved, communes would see them side by side, and the pages not told which period would open
     * the one that began last. One mistyped start date would move every commune to an empty period, so the form asks
     * before it saves such a change.
     * @param id the period being edited, or null for a new one
     */
    public List<String> newOverlaps(PeriodDraft draft, @Nullable Long id) {
        List<String> already = id == null ? List.of() : overlapping(id);
        return overlapping(draft.startDate(), draft.endDate(), id).stream()
                .filter(name -> !already.contains(name)).toList();
    }

    /**
     * The day after which the draft would close the period to the communes, when the period takes their changes today
     * and that day has passed; null otherwise. One digit wrong in a deadline (2026 for 2027) shut every commune of a
     * province out at once with only "saved" said, so the form asks before it saves such a change.
     */
    public @Nullable LocalDate closesAtOnce(long id, PeriodDraft draft) {
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        LocalDate closesAfter = draft.submissionDeadline().plusDays(draft.graceDays());
        return load(id).isOpenForSubmissions(today) && today.isAfter(closesAfter) ? closesAfter : null;
    }

    private List<String> overlapping(LocalDate start, LocalDate end, @Nullable Long except) {
        return periods.findAll().stream().filter(other -> !other.getId().equals(except))
                .filter(other -> !other.getStartDate().isAfter(end) && !other.getEndDate().isBefore(start))
                .sorted(Comparator.comparing(Period::getStartDate).thenComparing(Period::getName))
                .map(Period::getName).toList();
    }

    /** Whether the period holds nothing of the communes' yet (no assessment, no suggested value), so may be deleted. */
    public boolean deletable(long id) {
        return !assessments.existsByPeriodId(id) && !suggestions.existsByPeriodId(id);
    }

    /**
     * Deletes a period made by mistake, one that holds nothing of the communes' yet, audited with what it was.
     * @param version the period's version the page was opened on, as for {@link #edit}
     * @throws RuleViolation {@code period.invalid.inUse} once a commune has written in it or a value was suggested
     */
    @Transactional
    public String delete(long id, Long version) {
        requireAdministrator();
        Period period = load(id);
        if (version == null || version != period.getRowVersion()) {
            throw new RuleViolation("period.invalid.changedMeanwhile");
        }
        // As for a change of framework: waits for a commune's first write that is creating an assessment now.
        periods.lockForFrameworkChange(id);
        if (!deletable(id)) {
            throw new RuleViolation("period.invalid.inUse", period.getName());
        }
        PeriodView before = view(period);
        periods.delete(period);
        periods.flush();
        audit.record(AUDIT_TYPE, id, "REMOVE", before, null);
        return before.name();
    }

    private static PeriodTerms terms(PeriodDraft draft) {
        return new PeriodTerms(draft.name(), draft.year(), draft.startDate(), draft.endDate(),
                draft.submissionDeadline(), draft.graceDays());
    }

    /**
     * A name another period has, by {@link UnitNames#sameName} (" năm 2026 " is "Năm 2026": communes would see both in
     * their list), is refused together with every problem of the terms, rather than before them.
     */
    private void requireFreeName(PeriodDraft draft, Long self) {
        String name = draft.name();
        Optional<Period> taken = name == null ? Optional.empty() : periods.findAll().stream()
                .filter(other -> !other.getId().equals(self) && UnitNames.sameName(other.getName(), name)).findFirst();
        if (taken.isPresent()) {
            List<RuleViolation> problems = new ArrayList<>(List.of(new RuleViolation("period.invalid.nameTaken",
                    taken.get().getName())));
            problems.addAll(Period.termProblems(terms(draft)));
            TermsRefused.throwIfAny(problems);
        }
    }

    private Framework framework(long id) {
        return frameworks.findById(id).orElseThrow(() -> new RuleViolation("period.invalid.frameworkNotPublished"));
    }

    private Period load(long id) {
        return periods.findWithFramework(id).orElseThrow(() -> new PeriodNotFoundException(id));
    }

    /**
     * A period is the whole country's: its dates and deadline bind every province, so one province's manager does
     * not set them for the others (the product's rule: administrators manage periods).
     */
    private static void requireAdministrator() {
        Actors.requireAnyRole("Only administrators add and edit periods", "ADMIN");
    }

    static void requireManager() {
        Actors.requireAnyRole("Only provincial managers and administrators plan", "ADMIN", "PROVINCE_MANAGER");
    }

    static PeriodView view(Period period) {
        return new PeriodView(period.getId(), period.getName(), period.getYear(), period.getStartDate(),
                period.getEndDate(), period.getSubmissionDeadline(), period.getGraceDays(), period.closesAfter(),
                period.getFramework().getId(), label(period.getFramework()));
    }

    private static String label(Framework framework) {
        return framework.getCode() + " " + framework.getVersion();
    }
}
