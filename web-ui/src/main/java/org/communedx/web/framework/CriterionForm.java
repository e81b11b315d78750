package org.communedx.web.framework;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;

/**
 * Every field of a criterion definition, as the form sends it. Whether the target suits the type, and whether
 * the code is free, depend on data and are checked by the service.
 */
record CriterionForm(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 500) String nameVi,
        @NotBlank @Size(max = 500) String nameEn, @Size(max = 10_000) String descriptionVi,
        @Size(max = 10_000) String descriptionEn, @NotNull MeasurementType type,
        @NotNull @Digits(integer = 7, fraction = 2) BigDecimal target, @NotNull Comparison comparison,
        @Size(max = 32) String unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 4, fraction = 2) BigDecimal weight,
        @Size(max = 10_000) String typicalEvidenceVi, @Size(max = 10_000) String typicalEvidenceEn,
        Boolean evidenceRequired) {

    /** A new criterion: weight 1 and evidence required, as most criteria of DX-XA 1.0 are. */
    static CriterionForm empty() {
        return new CriterionForm("", "", "", "", "", null, null, Comparison.AT_LEAST, "", BigDecimal.ONE, "", "",
                true);
    }

    static CriterionForm of(CriterionDefinition definition) {
        return new CriterionForm(definition.code(), definition.name().vi(), definition.name().en(),
                definition.description().vi(), definition.description().en(), definition.type(),
                definition.target().stripTrailingZeros(), definition.comparison(), definition.unit(),
                definition.weight().stripTrailingZeros(), definition.typicalEvidence().vi(),
                definition.typicalEvidence().en(), definition.evidenceRequired());
    }

    CriterionDefinition toDefinition() {
        return new CriterionDefinition(code, new LocalizedText(nameVi, nameEn),
                new LocalizedText(optional(descriptionVi), optional(descriptionEn)), type, target, comparison,
                optional(unit), weight, new LocalizedText(optional(typicalEvidenceVi), optional(typicalEvidenceEn)),
                Boolean.TRUE.equals(evidenceRequired));
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
