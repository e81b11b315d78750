package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.CriterionEntryRepository.SentBack;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.assessment.SuggestedValue;
import org.communedx.model.assessment.SuggestedValueRepository;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.Actors;
import org.communedx.service.scope.Scopes;
import org.communedx.service.assessment.Completion.Item;
import org.communedx.service.assessment.Completion.Percentages;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commune's scorecard for one period (journey J1): every criterion by group with its status and value, the
 * verified and claimed completion from {@link Completion}, and the plan the commune takes part in.
 */
@Service
@Transactional(readOnly = true)
public class Scorecards {

    private final AssessmentWorkflow workflow;

    private final PeriodRepository periods;

    private final PlanRepository plans;

    private final UserAccountRepository accounts;

    private final EvidenceCounts evidence;

    private final Scopes scopes;

    private final SuggestedValueRepository suggestions;

    private final ProgressLedger ledger;

    private final CriterionEntryRepository entries;

    Scorecards(AssessmentWorkflow workflow, PeriodRepository periods, PlanRepository plans,
            UserAccountRepository accounts, EvidenceCounts evidence, Scopes scopes,
            SuggestedValueRepository suggestions, ProgressLedger ledger, CriterionEntryRepository entries) {
        this.entries = entries;
        this.suggestions = suggestions;
        this.ledger = ledger;
        this.workflow = workflow;
        this.periods = periods;
        this.plans = plans;
        this.accounts = accounts;
        this.evidence = evidence;
        this.scopes = scopes;
    }

    /**
     * @param closedToCommune the current user is the commune's staff and the submission deadline and its grace have
     *        passed: they can no longer change the entries, but those a reviewer reopened for them, and the page says so
     * @param graceDays days after the deadline during which the commune could still change its entries
     * @param closesAfter the last day the period takes the commune's changes: the deadline plus the grace
     * @param reopenedForCommune after closing, how many entries a reviewer reopened for the commune and it has not
     *        submitted again
     * @param plans the plans this period is measured against ({@link #plansOf}), the soonest deadline first; empty
     *        when there are none
     * @param scoreSettings whether the framework shows these figures as percent or as points, and how it rounds points
     * @param score the points verified and claimed out of the applicable maximum, from which the percentages come
     * @param todo what the commune's own staff still have to do: while the period takes their changes, every entry;
     *        once it is closed to them, only the entries a reviewer reopened for them, and null when there are none;
     *        null for anyone else
     */
    public record Scorecard(String communeCode, String communeName, long periodId, String periodName,
            LocalDate submissionDeadline, long daysToDeadline, boolean closedToCommune, Percentages overall,
            List<GroupCard> groups, List<PlanProgress> plans, ScoreSettings scoreSettings, Completion.Score score,
            ToDo todo, int graceDays, LocalDate closesAfter, int reopenedForCommune) {

        /**
         * How many drafts the commune's own staff saved with a value and have not submitted, which
         * {@link AssessmentWorkflow#submitAll} may send: while the period takes their changes, all of them; once it
         * is closed to them, those of the entries a reviewer reopened for them ({@link #todo} counts only those then);
         * 0 for anyone else. A draft begun with a file alone is not counted: it cannot go before its value, and the
         * button offered "7" to send none.
         */
        public int toSubmit() {
            return todo == null ? 0 : todo.drafts() - todo.draftsWithoutValue();
        }

        /**
         * Whether the deadline has passed but its grace has not: the period still takes the commune's changes, which
         * "passed" alone made communes think they were locked out of.
         */
        public boolean inGrace() {
            return daysToDeadline < 0 && -daysToDeadline <= graceDays;
        }

        /** Whether any criterion's evidence has all expired ({@link CriterionRow#evidenceExpired}). */
        public boolean anyEvidenceExpired() {
            return groups.stream().flatMap(group -> group.criteria().stream()).anyMatch(CriterionRow::evidenceExpired);
        }

        /**
         * How many entries the commune's own staff can fill from provincial systems' suggested values with
         * {@link AssessmentWorkflow#takeAllSuggestions}, while the period takes their changes; 0 for anyone else.
         */
        public int suggestionsToTake() {
            return todo == null || closedToCommune ? 0 : (int) groups.stream()
                    .flatMap(group -> group.criteria().stream()).filter(CriterionRow::suggestionToTake).count();
        }

        /**
         * The codes of the criteria whose value of the commune's own {@link #suggestionsToTake} would replace, so that
         * the form that takes them all says which before a typed value is gone.
         */
        public List<String> suggestionsReplacingValues() {
            return suggestionsToTake() == 0 ? List.of() : groups.stream().flatMap(group -> group.criteria().stream())
                    .filter(row -> row.suggestionToTake() && row.value() != null).map(CriterionRow::code).toList();
        }

        /** When the latest suggestion the scorecard shows was received, for the form that takes them all; or null. */
        public Instant latestSuggestion() {
            return groups.stream().flatMap(group -> group.criteria().stream())
                    .filter(row -> row.suggestion() != null).map(row -> row.suggestion().receivedAt())
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /**
     * What the commune's own staff still have to do in the period, counted from the scorecard's own rows (no query of
     * its own): the entries a reviewer returned, with the reason, the criteria nobody started, and the drafts saved
     * but not submitted. Null for anyone who is not the commune's staff.
     * @param draftsWithoutValue of the drafts, those begun with a file alone, which cannot go before their value does
     * @param waiting entries submitted or asking for "not applicable", which wait for the reviewer, not for the staff
     */
    public record ToDo(List<ReturnedEntry> returned, int notStarted, int drafts, int draftsWithoutValue,
            int waiting) {

        /** Nothing left for the staff: every entry submitted, or already reviewed. */
        public boolean allSubmitted() {
            return returned.isEmpty() && notStarted == 0 && drafts == 0;
        }
    }

    /** An entry a reviewer sent back, with the reason they gave. */
    public record ReturnedEntry(String code, LocalizedText name, String reason) {
    }

    public record GroupCard(String code, LocalizedText name, Percentages completion, List<CriterionRow> criteria,
            Completion.Score score) {
    }

    /**
     * @param points what the value earns by the criterion's scoring rule, whatever the status
     * @param maximum the most the criterion earns
     * @param reopenedForCommune a reviewer reopened the entry for the commune after the period closed
     * @param evidenceExpired the entry has evidence and every file of it is past its valid-until date
     */
    public record CriterionRow(String code, LocalizedText name, MeasurementType type, BigDecimal target,
            Comparison comparison, String unit, EntryStatus status, EntryValue value, boolean met,
            int evidenceCount, Instant lastChangedAt, String lastChangedBy, BigDecimal points, BigDecimal maximum,
            ScoringMethod scoring, AssessmentViews.SuggestionView suggestion, boolean reopenedForCommune,
            boolean evidenceExpired) {

        /** Whether the entry can take its suggested value: one it does not hold yet, while staff may change it. */
        public boolean suggestionToTake() {
            return suggestion != null && !suggestion.taken() && status.isEditable();
        }
    }

    /**
     * The plans a period of the commune is measured against, of those it takes part in and that run during the
     * period: every one whose deadline falls in it, else the one that ends soonest after it, the soonest deadline
     * first. A plan over before the period begins, or not yet begun when it ends, is none of its business; nor is a
     * plan whose deadline falls in it but that is judged on another period of those dates, as the plan's own page
     * says. Every such plan is shown: one plan among several (a district's and a province's over the same year) would
     * hide the others' targets, and which one, the order they were made in.
     */
    private List<Plan> plansOf(long unitId, Period period) {
        List<Plan> running = plans.findByParticipant(unitId).stream().filter(found -> found.runsDuring(period))
                .filter(found -> found.getDeadline().isAfter(period.getEndDate()) || ledger.scoringPeriodOf(
                        found.getStartDate(), found.getDeadline()).map(scoring -> scoring.equals(period.getId()))
                        .orElse(true))
                .sorted(Comparator.comparing(Plan::getDeadline).thenComparing(Plan::getId)).toList();
        List<Plan> endingWithin = running.stream()
                .filter(found -> !found.getDeadline().isAfter(period.getEndDate())).toList();
        return !endingWithin.isEmpty() ? endingWithin : running.stream().limit(1).toList();
    }

    /**
     * A plan the commune takes part in: its target percent, whether verified completion reaches it, and its deadline.
     * @param reached whether verified completion reaches the target: now, or once the deadline has passed, at the
     *        deadline
     * @param targetScore the target in points of the commune's maximum, as a points version shows it (40% of 1,000
     *        is 400)
     */
    public record PlanProgress(String name, int targetPercent, boolean reached, LocalDate deadline, long daysLeft,
            BigDecimal targetScore) {

        /** The plan is over: {@link #reached} is its outcome for the commune, no longer its progress. */
        public boolean deadlinePassed() {
            return daysLeft < 0;
        }
    }

    /** Where a commune's scorecard is. */
    public record Address(String communeCode, long periodId) {
    }

    /**
     * The scorecard; before the commune's first write in the period, every criterion NOT_STARTED, written nowhere.
     * Outside the caller's scope it does not exist.
     */
    public Scorecard scorecard(String communeCode, long periodId) {
        Assessment assessment = workflow.current(communeCode, periodId);
        List<CriterionEntry> rows = workflow.entriesInOrder(assessment);
        List<Long> stored = rows.stream().map(CriterionEntry::getId).filter(Objects::nonNull).toList();
        Map<Long, Integer> counts = evidence.forEntries(stored);
        // Vietnam's date, as the workflow judges the deadline by, so that the page agrees with it.
        LocalDate today = workflow.today();
        Set<Long> expired = evidence.allExpired(stored, today);
        Completion.Result completion = Completion.of(rows.stream().map(Scorecards::item).toList());
        Map<String, SuggestedValue> suggested = new HashMap<>();
        suggestions.findForCommune(assessment.getUnit().getId(), periodId)
                .forEach(suggestion -> suggested.put(suggestion.getCriterion().getCode(), suggestion));
        Map<String, GroupCard> groups = new LinkedHashMap<>();
        for (CriterionEntry entry : rows) {
            Criterion criterion = entry.getCriterion();
            String group = criterion.getGroup().getCode();
            groups.computeIfAbsent(group, code -> new GroupCard(code, criterion.getGroup().name(),
                    completion.byGroup().get(code), new ArrayList<>(), completion.groupScores().get(code)))
                    .criteria().add(new CriterionRow(criterion.getCode(), criterion.name(),
                            criterion.getType(), criterion.getTarget(), criterion.getComparison(), criterion.getUnit(),
                            entry.getStatus(), entry.value(), entry.isMet(),
                            entry.getId() == null ? 0 : counts.getOrDefault(entry.getId(), 0),
                            entry.getLastChangedAt(), entry.getLastChangedBy(), entry.getPoints(),
                            criterion.getWeight(), criterion.scoring().method(),
                            Optional.ofNullable(suggested.get(criterion.getCode()))
                                    .map(found -> AssessmentViews.SuggestionView.of(found, entry.value()))
                                    .orElse(null),
                            entry.isReopenedForCommune(), entry.getId() != null && expired.contains(entry.getId())));
        }
        Period period = assessment.getPeriod();
        long unitId = assessment.getUnit().getId();
        // Only commune staff can be the commune's own staff: nobody else pays for the account lookup.
        boolean ownStaff = Actors.hasAnyRole(Role.COMMUNE_STAFF.name()) && workflow.isOwnStaff(assessment.getUnit());
        List<PlanProgress> measuredAgainst = plansOf(unitId, period).stream()
                .map(found -> progress(found, unitId, completion, today)).toList();
        boolean closedToCommune = ownStaff && !period.isOpenForSubmissions(today);
        // After closing, the rest is out of the commune's hands: listed, it would be work it can no longer do.
        List<CriterionEntry> actionable = closedToCommune
                ? rows.stream().filter(CriterionEntry::isReopenedForCommune).toList() : rows;
        return new Scorecard(assessment.getUnit().getCode(), assessment.getUnit().getName(), periodId,
                period.getName(), period.getSubmissionDeadline(), ChronoUnit.DAYS.between(today, period.getSubmissionDeadline()),
                closedToCommune, completion.overall(), List.copyOf(groups.values()), measuredAgainst,
                period.getFramework().scoreSettings(), completion.overallScore(),
                !ownStaff || actionable.isEmpty() ? null : toDo(actionable), period.getGraceDays(),
                period.closesAfter(),
                ownStaff ? (int) rows.stream().filter(CriterionEntry::isReopenedForCommune).count() : 0);
    }

    private static ToDo toDo(List<CriterionEntry> rows) {
        List<ReturnedEntry> returned = new ArrayList<>();
        int notStarted = 0;
        int drafts = 0;
        int draftsWithoutValue = 0;
        int waiting = 0;
        for (CriterionEntry entry : rows) {
            switch (entry.getStatus()) {
                case RETURNED -> returned.add(new ReturnedEntry(entry.getCriterion().getCode(),
                        entry.getCriterion().name(), entry.getReason()));
                case NOT_STARTED -> notStarted++;
                case DRAFT -> {
                    drafts++;
                    if (entry.value() == null) {
                        draftsWithoutValue++;
                    }
                }
                case SUBMITTED, NOT_APPLICABLE_REQUESTED -> waiting++;
                default -> {
                }
            }
        }
        return new ToDo(List.copyOf(returned), notStarted, drafts, draftsWithoutValue, waiting);
    }

    /**
     * A criterion as an explanation lists it: its maximum, the points its value earns and by which rule, and why they
     * count or not.
     * @param hasValue whether a value was entered (without one, it earns nothing)
     * @param step for STEPS and LEVELS, the band that holds the value, or null when none does
     * @param evidenceExpired the entry has evidence and every file of it is past its valid-until date
     */
    public record ExplainedCriterion(String code, LocalizedText name, String groupCode,
            BigDecimal weight, EntryStatus status, boolean met, Completion.Reason verified, Completion.Reason claimed,
            BigDecimal points, ScoringMethod scoring, boolean hasValue, ScoreStep step, boolean evidenceExpired) {
    }

    /**
     * What one of the scorecard's figures is made of: overall when {@code groupCode} is null, else that group's.
     * The counted points over the applicable maxima give exactly the percentages shown; the counted points are the
     * score a points framework shows.
     */
    public record CompletionExplanation(String communeCode, String communeName, long periodId, String periodName,
            String groupCode, LocalizedText groupName, List<ExplainedCriterion> criteria, BigDecimal applicableWeight,
            BigDecimal verifiedWeight, BigDecimal claimedWeight, Percentages percentages,
            ScoreSettings scoreSettings) {
    }

    /** The explanation of the overall figures, or of one group's; outside the caller's scope it does not exist. */
    public CompletionExplanation explain(String communeCode, long periodId, String groupCode) {
        Assessment assessment = workflow.current(communeCode, periodId);
        List<CriterionEntry> rows = workflow.entriesInOrder(assessment).stream()
                .filter(entry -> groupCode == null || entry.getCriterion().getGroup().getCode().equals(groupCode))
                .toList();
        if (rows.isEmpty()) {
            throw new EntryNotFoundException("group " + groupCode);
        }
        Completion.Explanation explanation = Completion.explain(rows.stream().map(Scorecards::item).toList());
        Set<Long> expired = evidence.allExpired(rows.stream().map(CriterionEntry::getId).filter(Objects::nonNull)
                .toList(), workflow.today());
        List<ExplainedCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CriterionEntry entry = rows.get(i);
            Completion.Line line = explanation.lines().get(i);
            Criterion criterion = entry.getCriterion();
            EntryValue value = entry.value();
            criteria.add(new ExplainedCriterion(line.criterionCode(), criterion.name(),
                    line.groupCode(), line.weight(), line.status(), line.met(), line.verified(), line.claimed(),
                    line.points(), criterion.scoring().method(), value != null,
                    value == null ? null : criterion.scoring().stepFor(value.measure()).orElse(null),
                    entry.getId() != null && expired.contains(entry.getId())));
        }
        LocalizedText groupName = groupCode == null ? null : rows.get(0).getCriterion().getGroup().name();
        return new CompletionExplanation(assessment.getUnit().getCode(), assessment.getUnit().getName(), periodId,
                assessment.getPeriod().getName(), groupCode, groupName, criteria, explanation.applicableWeight(),
                explanation.verifiedWeight(), explanation.claimedWeight(), explanation.percentages(),
                assessment.getPeriod().getFramework().scoreSettings());
    }

    private static Item item(CriterionEntry entry) {
        return new Item(entry.getCriterion().getCode(), entry.getCriterion().getGroup().getCode(),
                entry.getCriterion().getWeight(), entry.getStatus(), entry.isMet(), entry.getPoints());
    }

    /**
     * For commune staff, their own commune in the current period: the one containing today, else the latest.
     * Empty for everyone else, or when there is no period yet.
     */
    public Optional<Address> ownCurrentScorecard() {
        return accounts.findByUsername(Actors.username())
                .filter(account -> account.getRole() == Role.COMMUNE_STAFF && account.getUnitCode() != null)
                .flatMap(account -> currentPeriod().map(period -> new Address(account.getUnitCode(), period)));
    }

    /**
     * A period a commune's scorecard can be opened on.
     *
     * @param sentBack for the commune's own staff, what a review sent back to them there, not yet submitted again,
     *        that they can still answer; null for anyone else, and where there is none. The scorecard of another
     *        period lists it, since the staff land on the current one.
     */
    public record PeriodChoice(long id, String name, @Nullable SentBackWork sentBack) {
    }

    /**
     * Entries a review sent back to a commune's staff in one period that they can still answer
     * ({@link CriterionEntry#isOpenToCommune}): returned (or begun again) while the period takes their changes, or
     * reopened for them after it closed.
     * @param lastChanged when the latest of them was sent back, or corrected since: the latest work comes first
     */
    public record SentBackWork(long entries, Instant lastChanged) {

        SentBackWork plus(SentBackWork other) {
            return new SentBackWork(entries + other.entries,
                    lastChanged.isAfter(other.lastChanged) ? lastChanged : other.lastChanged);
        }
    }

    /**
     * Every period whose scorecard of this code the caller may open, newest first: where a unit they reach held the
     * code ({@link Scopes#reachableDuring}, the rule the scorecard itself is checked by). For a commune of the 2025
     * reform that kept an old code, the periods before it are those of the commune that held the code then.
     */
    public List<PeriodChoice> periodsOf(String communeCode) {
        List<SentBack> sentBack = workflow.isOwnStaff(communeCode) ? entries.countSentBack(communeCode) : List.of();
        LocalDate today = workflow.today();
        // Of the unit the scorecard shows in each period: a code a merger kept had two holders in its period.
        return periods.findAllNewestFirst().stream()
                .flatMap(period -> scopes.reachableDuring(communeCode, period).stream().map(unit -> new PeriodChoice(
                        period.getId(), period.getName(), sentBack.stream()
                                .filter(count -> count.periodId() == period.getId() && count.unitId() == unit.getId()
                                        && CriterionEntry.isOpenToCommune(count.reopenedForCommune(), period, today))
                                .map(count -> new SentBackWork(count.entries(), count.lastChanged()))
                                .reduce(SentBackWork::plus).orElse(null))))
                .toList();
    }

    /** The period containing today in Vietnam, as the deadline counts it, else the latest; empty when there is none. */
    public Optional<Long> currentPeriod() {
        LocalDate today = workflow.today();
        List<Period> all = periods.findAllNewestFirst();
        return all.stream().filter(period -> !today.isBefore(period.getStartDate()) && !today.isAfter(period.getEndDate()))
                .findFirst().or(() -> all.stream().findFirst()).map(Period::getId);
    }

    /**
     * Until its deadline a plan is measured on this period's figure as it is now. After it, on the figure its tracker
     * keeps: that of the period it is judged on, at the deadline, which a review after the deadline no longer moves.
     */
    private PlanProgress progress(Plan plan, long unitId, Completion.Result completion, LocalDate today) {
        BigDecimal verified = !today.isAfter(plan.getDeadline()) ? completion.overallScore().verifiedPercent()
                : ledger.scoringPeriodOf(plan.getStartDate(), plan.getDeadline())
                        .map(period -> ledger.verifiedOn(unitId, period, plan.getDeadline())).orElse(null);
        boolean reached = Completion.reaches(verified, plan.getTargetPercent());
        return new PlanProgress(plan.getName(), plan.getTargetPercent(), reached, plan.getDeadline(),
                ChronoUnit.DAYS.between(today, plan.getDeadline()),
                Completion.share(plan.getTargetPercent(), completion.overallScore().maximum()));
    }
}
