package org.communedx.service.period;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.RuleViolation;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.Plan;
import org.communedx.model.period.TermsRefused;
import org.communedx.model.period.PlanRepository;
import org.communedx.model.period.PlanTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitNames;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.period.PlanningViews.Editing;
import org.communedx.service.period.PlanningViews.PlanDraft;
import org.communedx.service.period.PlanningViews.PlanView;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans over a unit of the caller's scope, with communes of that unit. Provincial managers and administrators
 * manage them; a plan outside the caller's scope does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    static final String AUDIT_TYPE = "PLAN";

    private final PlanRepository plans;

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final AuditLog audit;

    private final ProgressLedger ledger;

    private final PeriodRepository periods;

    PlanService(PlanRepository plans, AdministrativeUnitRepository units, Scopes scopes, AuditLog audit,
            ProgressLedger ledger, PeriodRepository periods) {
        this.plans = plans;
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
        this.ledger = ledger;
        this.periods = periods;
    }

    public List<PlanView> list() {
        UnitScope scope = scopes.current();
        return plans.findAllInScope(scope.everything(), scope.unitIds()).stream().map(this::view).toList();
    }

    public Editing<PlanView> get(long id) {
        Plan plan = load(id);
        return new Editing<>(view(plan), plan.getRowVersion());
    }

    @Transactional
    public long create(PlanDraft draft) {
        PeriodService.requireManager();
        Resolved resolved = resolve(draft, null);
        Plan plan = plans.save(new Plan(terms(draft), resolved.scopeUnit(), resolved.participants(),
                resolved.pilots()));
        audit.record(AUDIT_TYPE, plan.getId(), "CREATE", null, view(plan));
        return plan.getId();
    }

    /** @param version the plan's version that the form was opened on, as {@link PeriodService#edit} takes it */
    @Transactional
    public void edit(long id, Long version, PlanDraft draft) {
        PeriodService.requireManager();
        Plan plan = load(id);
        if (version == null || version != plan.getRowVersion()) {
            throw new RuleViolation("plan.invalid.changedMeanwhile");
        }
        PlanView before = view(plan);
        Resolved resolved = resolve(draft, id);
        plan.revise(terms(draft), resolved.scopeUnit(), resolved.participants(), resolved.pilots());
        plans.flush();
        audit.record(AUDIT_TYPE, id, "EDIT", before, view(plan));
    }

    private Plan load(long id) {
        Plan plan = plans.findById(id).orElseThrow(() -> new PeriodNotFoundException("plan " + id));
        scopes.current().require(plan.getScopeUnit());
        return plan;
    }

    /**
     * What the plan's codes are refused for, for a form still refused for its shape: told in the same round as its
     * fields' messages rather than after they are mended. The draft holds what bound; a code field that did not is
     * null or empty, and without a start date no code can be resolved.
     */
    @Transactional(readOnly = true)
    public List<RuleViolation> unitProblems(PlanDraft draft) {
        PeriodService.requireManager();
        return draft.startDate() == null ? List.of() : resolveUnits(draft).problems();
    }

    /**
     * The units behind the codes, each in the caller's scope, and every commune under the plan's unit. The plan's name
     * is its unit's other plans' by {@link UnitNames#sameName} (case, spaces and the place of a tone aside): two
     * trackers of one name on a dashboard, one achieved and one on track, cannot be told apart.
     * @param self the plan being edited, null for a new one
     * @throws TermsRefused with every code that cannot be resolved, a name taken, and what the terms alone are
     *     refused for
     */
    private Resolved resolve(PlanDraft draft, Long self) {
        if (draft.startDate() == null) {
            throw new RuleViolation("plan.invalid.datesMissing");
        }
        Resolved resolved = resolveUnits(draft);
        List<RuleViolation> problems = new ArrayList<>(resolved.problems());
        if (resolved.scopeUnit() != null && draft.name() != null) {
            AdministrativeUnit unit = resolved.scopeUnit();
            // Two plans saved at one moment under one unit had both found the name free.
            units.lockRow(unit.getId());
            plans.findAllInScope(false, List.of(unit.getId())).stream()
                    .filter(other -> !other.getId().equals(self) && UnitNames.sameName(other.getName(), draft.name()))
                    .findFirst().ifPresent(other -> problems.add(new RuleViolation("plan.invalid.nameTaken",
                            other.getName(), unit.getName())));
        }
        if (!problems.isEmpty()) {
            problems.addAll(Plan.termProblems(terms(draft), distinct(draft.participantCodes()).size()));
        }
        TermsRefused.throwIfAny(problems);
        return resolved;
    }

    /** The units of the draft's codes on its start date, with a problem for each code that cannot be one of them. */
    private Resolved resolveUnits(PlanDraft draft) {
        UnitScope scope = scopes.current();
        List<RuleViolation> problems = new ArrayList<>();
        String scopeCode = draft.scopeUnitCode() == null ? "" : draft.scopeUnitCode().strip();
        // The unit of the plan's start date, not the code: a code reused by a merger names another unit on
        // other dates.
        AdministrativeUnit scopeUnit = scopeCode.isEmpty() ? null : reachable(scope, scopeCode, draft, problems);
        Set<String> under = scopeUnit == null ? null : Set.copyOf(units.findSubtreeCodes(scopeCode));
        Set<String> participantCodes = distinct(draft.participantCodes());
        List<AdministrativeUnit> participants = new ArrayList<>();
        for (String code : participantCodes) {
            if (under != null && scope.includes(code) && !under.contains(code)) {
                problems.add(new RuleViolation("plan.invalid.notUnderScopeUnit", code, scopeCode));
                continue;
            }
            AdministrativeUnit participant = reachable(scope, code, draft, problems);
            if (participant != null) {
                participants.add(participant);
            }
        }
        List<AdministrativeUnit> pilots = new ArrayList<>();
        for (String code : distinct(draft.pilotCodes())) {
            if (!scope.includes(code)) {
                problems.add(new RuleViolation("plan.invalid.unitOutOfReach", code));
            }
            else if (!participantCodes.contains(code)) {
                problems.add(new RuleViolation("plan.invalid.pilotNotParticipant", code));
            }
            else {
                participants.stream().filter(unit -> unit.getCode().equals(code)).findFirst().ifPresent(pilots::add);
            }
        }
        problems.addAll(goneByTheScoringPeriod(draft, scopeUnit, participants));
        return new Resolved(scopeUnit, participants, pilots, problems);
    }

    /**
     * The unit of the code on the plan's start date if the caller reaches it, else null with the problem added. The
     * refusal names the code as it was typed, so that the user sees which one to correct, and says no more than a
     * page would: that no unit of that code is within reach, not whether one exists elsewhere.
     */
    private AdministrativeUnit reachable(UnitScope scope, String code, PlanDraft draft, List<RuleViolation> problems) {
        if (!scope.includes(code)) {
            problems.add(new RuleViolation("plan.invalid.unitOutOfReach", code));
            return null;
        }
        Optional<AdministrativeUnit> unit = units.findByCodeValidOn(code, draft.startDate());
        if (unit.isEmpty()) {
            problems.add(new RuleViolation("plan.invalid.unknownUnit", code));
            return null;
        }
        if (!scope.includes(unit.get())) {
            problems.add(new RuleViolation("plan.invalid.unitOutOfReach", code));
            return null;
        }
        return unit.get();
    }

    /**
     * The plan's units that had ceased to exist before the period it is scored on began, so that none of them can
     * have an assessment there: the plan would count them as 0 until its deadline. A district's plan running past the
     * July 2025 reform into 2026 is the case. Its deadline must stay within a period its communes were assessed in.
     * Before any period reaches the plan's dates there is nothing to score it on, and nothing to check.
     */
    private List<RuleViolation> goneByTheScoringPeriod(PlanDraft draft, AdministrativeUnit scopeUnit,
            List<AdministrativeUnit> participants) {
        if (draft.deadline() == null || draft.deadline().isBefore(draft.startDate())) {
            return List.of();
        }
        Optional<Period> scoring = ledger.scoringPeriodOf(draft.startDate(), draft.deadline())
                .flatMap(periods::findById);
        if (scoring.isEmpty()) {
            return List.of();
        }
        List<AdministrativeUnit> planUnits = new ArrayList<>();
        if (scopeUnit != null) {
            planUnits.add(scopeUnit);
        }
        planUnits.addAll(participants);
        Period period = scoring.get();
        return planUnits.stream()
                .filter(unit -> unit.getValidTo() != null && unit.getValidTo().isBefore(period.getStartDate()))
                .map(unit -> new RuleViolation("plan.invalid.goneByScoringPeriod", unit.getCode(), unit.getName(),
                        unit.getValidTo(), period.getName(), period.getStartDate()))
                .toList();
    }

    private static Set<String> distinct(Collection<String> codes) {
        Set<String> distinct = new LinkedHashSet<>();
        if (codes != null) {
            codes.stream().map(String::strip).filter(code -> !code.isEmpty()).forEach(distinct::add);
        }
        return distinct;
    }

    private static PlanTerms terms(PlanDraft draft) {
        return new PlanTerms(draft.name(), draft.targetPercent(), draft.targetCommunes(), draft.startDate(),
                draft.deadline());
    }

    private PlanView view(Plan plan) {
        List<String> participants = byCode(plan.participantIds()).stream().map(AdministrativeUnit::getCode).toList();
        List<AdministrativeUnit> pilots = byCode(plan.pilotIds());
        return new PlanView(plan.getId(), plan.getName(), plan.getScopeUnit().getCode(), plan.getScopeUnit().getName(),
                participants, pilots.stream().map(AdministrativeUnit::getCode).toList(), plan.getTargetPercent(),
                plan.getTargetCommunes(), plan.getStartDate(), plan.getDeadline(),
                pilots.stream().map(unit -> unit.getName() + " (" + unit.getCode() + ")").toList());
    }

    private List<AdministrativeUnit> byCode(Set<Long> ids) {
        return units.findAllById(ids).stream().sorted(Comparator.comparing(AdministrativeUnit::getCode)).toList();
    }

    private record Resolved(AdministrativeUnit scopeUnit, List<AdministrativeUnit> participants,
            List<AdministrativeUnit> pilots, List<RuleViolation> problems) {
    }
}
