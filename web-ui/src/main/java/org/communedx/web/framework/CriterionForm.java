package org.communedx.web.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.service.framework.FrameworkEditor;
import org.communedx.service.framework.FrameworkEditor.CriterionEdit;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.framework.ScoringRule;
import org.communedx.service.framework.ScoreStepsText;

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
        Boolean evidenceRequired, ScoringMethod scoring, @Size(max = 2_000) String steps, Boolean automatic,
        Long rowVersion) {

    /** A new criterion: weight 1, all or nothing, and evidence required, as most criteria of DX-XA 1.0 are. */
    static CriterionForm empty() {
        return new CriterionForm("", "", "", "", "", null, null, Comparison.AT_LEAST, "", BigDecimal.ONE, "", "",
                true, ScoringMethod.ALL_OR_NOTHING, "", false, null);
    }

    /**
     * A criterion's form, with the version it was opened on (see {@link FrameworkEditor#editCriterion}), its bands
     * with the language's decimal mark, as its target and maximum are shown ("0..50,5=0" beside "25,5").
     */
    static CriterionForm of(CriterionEdit criterion, Locale locale) {
        CriterionDefinition definition = criterion.definition();
        return new CriterionForm(definition.code(), definition.name().vi(), definition.name().en(),
                definition.description().vi(), definition.description().en(), definition.type(),
                Numbers.plain(definition.target()), definition.comparison(), definition.unit(),
                Numbers.plain(definition.weight()), definition.typicalEvidence().vi(),
                definition.typicalEvidence().en(), definition.evidenceRequired(), definition.scoring().method(),
                Numbers.withDecimalMark(definition.scoring().text(), locale), definition.automatic(),
                criterion.rowVersion());
    }

    /**
     * A form without a rule (a script that predates rules) scores all or nothing.
     * @throws FrameworkRuleViolation naming the piece of {@code steps} that is not a band, for the steps field
     */
    CriterionDefinition toDefinition() {
        ScoringMethod method = scoring == null ? ScoringMethod.ALL_OR_NOTHING : scoring;
        List<ScoreStep> bands;
        try {
            bands = ScoreStepsText.parse(steps, method);
        }
        catch (IllegalArgumentException notABand) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, method == ScoringMethod.LEVELS
                    ? "framework.import.problem.badStep.LEVELS" : "framework.import.problem.badStep",
                    notABand.getMessage()));
        }
        return new CriterionDefinition(code, new LocalizedText(nameVi, nameEn),
                new LocalizedText(optional(descriptionVi), optional(descriptionEn)), type, target, comparison,
                optional(unit), weight, new ScoringRule(method, bands),
                new LocalizedText(optional(typicalEvidenceVi), optional(typicalEvidenceEn)),
                Boolean.TRUE.equals(evidenceRequired), Boolean.TRUE.equals(automatic));
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
