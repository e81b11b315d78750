package org.communedx.model.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

// Only the columns an edit changed: a sibling's move or removal committed meanwhile keeps the position it wrote.
@DynamicUpdate
@Entity
@Table(name = "criterion")
public class Criterion implements Positioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private CriterionGroup group;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @Column(nullable = false)
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "description_vi")
    private String descriptionVi;

    @Column(name = "description_en")
    private String descriptionEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "measurement_type", nullable = false)
    private MeasurementType type;

    @Column(name = "target_value", nullable = false)
    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Comparison comparison;

    private String unit;

    /** The most points the criterion earns; in a percent framework, its weight in the percentage. */
    @Column(nullable = false)
    private BigDecimal weight;

    @Enumerated(EnumType.STRING)
    @Column(name = "scoring_method", nullable = false)
    private ScoringMethod scoringMethod;

    @ElementCollection
    @CollectionTable(name = "criterion_score_step", joinColumns = @JoinColumn(name = "criterion_id"))
    // No order kept: ScoringRule sorts the bands by their lower bound.
    private List<ScoreStep> scoreSteps = new ArrayList<>();

    @Column(name = "typical_evidence_vi")
    private String typicalEvidenceVi;

    @Column(name = "typical_evidence_en")
    private String typicalEvidenceEn;

    @Column(name = "evidence_required", nullable = false)
    private boolean evidenceRequired;

    /**
     * Whether a provincial system measures the criterion: its suggested value goes straight to the reviewer as a
     * submission, rather than waiting for the commune to take it.
     */
    @Column(nullable = false)
    private boolean automatic;

    /** Not a change of the criterion: a sibling moved or removed renumbers it, and refused no open form for that. */
    @OptimisticLock(excluded = true)
    @Column(nullable = false)
    private int position;

    protected Criterion() {
    }

    Criterion(CriterionGroup group, CriterionDefinition definition, int position) {
        this.group = group;
        this.position = position;
        apply(definition);
    }

    public void edit(CriterionDefinition definition) {
        group.getFramework().requireDraft();
        apply(definition);
    }

    private void apply(CriterionDefinition definition) {
        this.code = definition.code();
        this.nameVi = Framework.requireText(definition.name().vi(), "criterion name (vi)");
        this.nameEn = Framework.requireText(definition.name().en(), "criterion name (en)");
        this.descriptionVi = definition.description().vi();
        this.descriptionEn = definition.description().en();
        this.type = definition.type();
        this.target = definition.target();
        this.comparison = definition.comparison();
        this.unit = definition.unit();
        this.weight = definition.weight();
        this.scoringMethod = definition.scoring().method();
        this.scoreSteps.clear();
        this.scoreSteps.addAll(definition.scoring().steps());
        this.typicalEvidenceVi = definition.typicalEvidence().vi();
        this.typicalEvidenceEn = definition.typicalEvidence().en();
        this.evidenceRequired = definition.evidenceRequired();
        this.automatic = definition.automatic();
    }

    /** Whether a value, in this criterion's measurement, meets the target. */
    public boolean isMetBy(BigDecimal value) {
        return value != null && comparison.isMet(value, target);
    }

    /** The points a value, in this criterion's measurement, earns by its scoring rule; 0 for no value. */
    public BigDecimal pointsFor(BigDecimal value) {
        return scoring().points(value, target, comparison, weight);
    }

    /**
     * The criterion's rule. Only STEPS and LEVELS read the bands, so that a scorecard of all-or-nothing or proportional
     * criteria loads none of them.
     */
    public ScoringRule scoring() {
        boolean banded = scoringMethod == ScoringMethod.STEPS || scoringMethod == ScoringMethod.LEVELS;
        return new ScoringRule(scoringMethod, banded ? scoreSteps : List.of());
    }

    List<FrameworkProblem> problems() {
        List<FrameworkProblem> problems = new ArrayList<>();
        if (!type.acceptsTarget(target)) {
            problems.add(new FrameworkProblem(code, "framework.problem.targetOutOfRange." + type, code, target));
        }
        if (weight.signum() <= 0) {
            problems.add(new FrameworkProblem(code, "framework.problem.weightNotPositive", code, weight));
        }
        // Every band stored, so that bands a rule does not use are reported rather than hidden.
        problems.addAll(new ScoringRule(scoringMethod, scoreSteps).problems(code, type, weight));
        return problems;
    }

    public CriterionDefinition definition() {
        return new CriterionDefinition(code, name(), new LocalizedText(descriptionVi, descriptionEn), type, target,
                comparison, unit, weight, scoring(), new LocalizedText(typicalEvidenceVi, typicalEvidenceEn),
                evidenceRequired, automatic);
    }

    /**
     * What the audit trail records of the criterion, before and after a change: everything its definition holds (the
     * weight is its maximum; every stored band, as publishing checks them), its version and group, and its place in
     * the group, counted from 1. Numbers are in their plain form (1, not the 1.00 the column gives back), so that a
     * figure that did not change reads the same before and after.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("framework", group.getFramework().label());
        snapshot.put("group", group.getCode());
        snapshot.put("code", code);
        snapshot.put("nameVi", nameVi);
        snapshot.put("nameEn", nameEn);
        snapshot.put("descriptionVi", descriptionVi);
        snapshot.put("descriptionEn", descriptionEn);
        snapshot.put("type", type.name());
        snapshot.put("comparison", comparison.name());
        snapshot.put("target", ScoringRule.plain(target));
        snapshot.put("unit", unit);
        snapshot.put("weight", ScoringRule.plain(weight));
        snapshot.put("scoring", scoringMethod.name());
        snapshot.put("steps", new ScoringRule(scoringMethod, scoreSteps).text());
        snapshot.put("typicalEvidenceVi", typicalEvidenceVi);
        snapshot.put("typicalEvidenceEn", typicalEvidenceEn);
        snapshot.put("evidenceRequired", evidenceRequired);
        snapshot.put("automatic", automatic);
        snapshot.put("place", position + 1);
        return snapshot;
    }

    @Override
    public void setPosition(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    /** Moves on with every change, so that an edit form opened on an older one is refused, not applied. */
    public long getRowVersion() {
        return rowVersion;
    }

    public CriterionGroup getGroup() {
        return group;
    }

    public String getCode() {
        return code;
    }

    public LocalizedText name() {
        return new LocalizedText(nameVi, nameEn);
    }

    public LocalizedText description() {
        return new LocalizedText(descriptionVi, descriptionEn);
    }

    public MeasurementType getType() {
        return type;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public Comparison getComparison() {
        return comparison;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public LocalizedText typicalEvidence() {
        return new LocalizedText(typicalEvidenceVi, typicalEvidenceEn);
    }

    public boolean isAutomatic() {
        return automatic;
    }

    public boolean isEvidenceRequired() {
        return evidenceRequired;
    }

    public int getPosition() {
        return position;
    }
}
