package org.communedx.model.framework;

import java.math.BigDecimal;

/**
 * Everything that defines a criterion, as one value: what an administrator edits, imports and exports.
 * Shape only; whether the target suits the type is checked when the version is published.
 */
public record CriterionDefinition(String code, LocalizedText name, LocalizedText description,
        MeasurementType type, BigDecimal target, Comparison comparison, String unit, BigDecimal weight,
        LocalizedText typicalEvidence, boolean evidenceRequired) {

    public CriterionDefinition {
        code = Framework.requireText(code, "criterion code");
        if (type == null || target == null || comparison == null) {
            throw new IllegalArgumentException("type, target and comparison are required for " + code);
        }
        weight = weight == null ? BigDecimal.ONE : weight;
        description = description == null ? new LocalizedText(null, null) : description;
        typicalEvidence = typicalEvidence == null ? new LocalizedText(null, null) : typicalEvidence;
    }
}
