package org.communedx.model.framework;

import java.math.BigDecimal;

/**
 * Everything that defines a criterion, as one value: what an administrator edits, imports and exports.
 * Shape only; whether the target suits the type, and the scoring rule the criterion, is checked when the version
 * is published. The weight is the criterion's maximum: the most points it earns. An automatic criterion is one a
 * provincial system measures: its suggested value goes to the reviewer as a submission.
 */
public record CriterionDefinition(String code, LocalizedText name, LocalizedText description,
        MeasurementType type, BigDecimal target, Comparison comparison, String unit, BigDecimal weight,
        ScoringRule scoring, LocalizedText typicalEvidence, boolean evidenceRequired, boolean automatic) {

    /** A criterion that people measure, not a system: every criterion before issue 19's automatic flag. */
    public CriterionDefinition(String code, LocalizedText name, LocalizedText description, MeasurementType type,
            BigDecimal target, Comparison comparison, String unit, BigDecimal weight, ScoringRule scoring,
            LocalizedText typicalEvidence, boolean evidenceRequired) {
        this(code, name, description, type, target, comparison, unit, weight, scoring, typicalEvidence,
                evidenceRequired, false);
    }

    /** A criterion scored all or nothing, with its weight as its maximum: the rule of DX-XA 1.0. */
    public CriterionDefinition(String code, LocalizedText name, LocalizedText description, MeasurementType type,
            BigDecimal target, Comparison comparison, String unit, BigDecimal weight, LocalizedText typicalEvidence,
            boolean evidenceRequired) {
        this(code, name, description, type, target, comparison, unit, weight, ScoringRule.ALL_OR_NOTHING,
                typicalEvidence, evidenceRequired);
    }

    public CriterionDefinition {
        code = Framework.requireText(code, "criterion code");
        if (type == null || target == null || comparison == null) {
            throw new IllegalArgumentException("type, target and comparison are required for " + code);
        }
        weight = weight == null ? BigDecimal.ONE : weight;
        scoring = scoring == null ? ScoringRule.ALL_OR_NOTHING : scoring;
        description = description == null ? new LocalizedText(null, null) : description;
        typicalEvidence = typicalEvidence == null ? new LocalizedText(null, null) : typicalEvidence;
    }
}
