package org.communedx.model.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.period.Period;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;

/** One commune in one period, with one entry for every criterion of the period's framework. */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private AdministrativeUnit unit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "period_id")
    private Period period;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<CriterionEntry> entries = new ArrayList<>();

    protected Assessment() {
    }

    private Assessment(AdministrativeUnit unit, Period period, Instant createdAt) {
        if (unit.getLevel() != UnitLevel.COMMUNE) {
            throw new RuleViolation("assessment.invalid.notACommune", unit.getCode());
        }
        this.unit = unit;
        this.period = period;
        this.createdAt = createdAt;
        for (CriterionGroup group : period.getFramework().getGroups()) {
            for (Criterion criterion : group.getCriteria()) {
                entries.add(new CriterionEntry(this, criterion));
            }
        }
    }

    /**
     * A new assessment with every criterion NOT_STARTED. Before a commune's first write in a period, reads show it
     * unsaved: what that write will store.
     */
    public static Assessment open(AdministrativeUnit commune, Period period, Instant now) {
        return new Assessment(commune, period, now);
    }

    public Optional<CriterionEntry> entry(String criterionCode) {
        return entries.stream().filter(entry -> entry.getCriterion().getCode().equals(criterionCode)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public AdministrativeUnit getUnit() {
        return unit;
    }

    public Period getPeriod() {
        return period;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<CriterionEntry> getEntries() {
        return Collections.unmodifiableList(entries);
    }
}
