package org.communedx.model.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.communedx.model.RuleViolation;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;

/**
 * A plan over a unit, usually a district: its participating communes, its pilots among them, and its target of
 * at least X% of the model completed in at least N communes by the deadline.
 */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scope_unit_id")
    private AdministrativeUnit scopeUnit;

    @ElementCollection
    @CollectionTable(name = "plan_commune", joinColumns = @JoinColumn(name = "plan_id"))
    private Set<PlanCommune> communes = new HashSet<>();

    @Column(name = "target_percent", nullable = false)
    private int targetPercent;

    @Column(name = "target_commune_count", nullable = false)
    private int targetCommunes;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(nullable = false)
    private LocalDate deadline;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Plan() {
    }

    public Plan(PlanTerms terms, AdministrativeUnit scopeUnit, Collection<AdministrativeUnit> participants,
            Collection<AdministrativeUnit> pilots) {
        revise(terms, scopeUnit, participants, pilots);
    }

    /**
     * Sets every term at once, so that the target and the participants are checked against each other. Whether
     * the communes lie under the scope unit needs the unit tree, and is the service's to check.
     * @throws TermsRefused with every problem of {@link #problems}
     */
    public void revise(PlanTerms terms, AdministrativeUnit scopeUnit, Collection<AdministrativeUnit> participants,
            Collection<AdministrativeUnit> pilots) {
        TermsRefused.throwIfAny(problems(terms, scopeUnit, participants, pilots));
        Set<Long> participantIds = ids(participants);
        Set<Long> pilotIds = ids(pilots);
        this.name = terms.name().strip();
        this.scopeUnit = scopeUnit;
        this.targetPercent = terms.targetPercent();
        this.targetCommunes = terms.targetCommunes();
        this.startDate = terms.startDate();
        this.deadline = terms.deadline();
        this.communes.clear();
        participantIds.forEach(unitId -> communes.add(new PlanCommune(unitId, pilotIds.contains(unitId))));
    }

    /** Every reason these terms and units could not make a plan, in the form's order; empty when they can. */
    public static List<RuleViolation> problems(PlanTerms terms, AdministrativeUnit scopeUnit,
            Collection<AdministrativeUnit> participants, Collection<AdministrativeUnit> pilots) {
        List<RuleViolation> problems = new ArrayList<>();
        if (terms.name() == null || terms.name().isBlank()) {
            problems.add(new RuleViolation("plan.invalid.name"));
        }
        if (scopeUnit == null || scopeUnit.getLevel() == UnitLevel.COMMUNE) {
            problems.add(new RuleViolation("plan.invalid.scopeUnit"));
        }
        if (participants.isEmpty()) {
            problems.add(new RuleViolation("plan.invalid.noParticipants"));
        }
        for (AdministrativeUnit unit : participants) {
            if (unit.getLevel() != UnitLevel.COMMUNE) {
                problems.add(new RuleViolation("plan.invalid.notACommune", unit.getCode()));
            }
        }
        for (AdministrativeUnit pilot : pilots) {
            if (participants.stream().noneMatch(unit -> sameUnit(unit, pilot))) {
                problems.add(new RuleViolation("plan.invalid.pilotNotParticipant", pilot.getCode()));
            }
        }
        problems.addAll(termProblems(terms, participants.size()));
        return problems;
    }

    /**
     * The problems of the terms alone, for the given number of participants: what the form can be told even while
     * some of its communes are still to be corrected.
     */
    public static List<RuleViolation> termProblems(PlanTerms terms, int participants) {
        List<RuleViolation> problems = new ArrayList<>();
        // A target of 0% is met by a commune that has not begun: no plan at all.
        if (terms.targetPercent() < 1 || terms.targetPercent() > 100) {
            problems.add(new RuleViolation("plan.invalid.targetPercent", terms.targetPercent()));
        }
        if (terms.targetCommunes() < 1 || terms.targetCommunes() > participants) {
            problems.add(new RuleViolation("plan.invalid.targetCommunes", terms.targetCommunes(), participants));
        }
        if (terms.startDate() == null || terms.deadline() == null) {
            problems.add(new RuleViolation("plan.invalid.datesMissing"));
        }
        else if (terms.deadline().isBefore(terms.startDate())) {
            problems.add(new RuleViolation("plan.invalid.datesOrder"));
        }
        return problems;
    }

    private static boolean sameUnit(AdministrativeUnit one, AdministrativeUnit other) {
        return one == other || (one.getId() != null && one.getId().equals(other.getId()));
    }

    private static Set<Long> ids(Collection<AdministrativeUnit> units) {
        return units.stream().map(AdministrativeUnit::getId).collect(Collectors.toSet());
    }

    public PlanTerms terms() {
        return new PlanTerms(name, targetPercent, targetCommunes, startDate, deadline);
    }

    public Set<Long> participantIds() {
        return communes.stream().map(PlanCommune::unitId).collect(Collectors.toSet());
    }

    public Set<Long> pilotIds() {
        return communes.stream().filter(PlanCommune::pilot).map(PlanCommune::unitId).collect(Collectors.toSet());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AdministrativeUnit getScopeUnit() {
        return scopeUnit;
    }

    public int getTargetPercent() {
        return targetPercent;
    }

    public int getTargetCommunes() {
        return targetCommunes;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    /** Whether the plan runs during some of the period: it starts before the period ends, and ends after it starts. */
    public boolean runsDuring(Period period) {
        return !startDate.isAfter(period.getEndDate()) && !deadline.isBefore(period.getStartDate());
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
