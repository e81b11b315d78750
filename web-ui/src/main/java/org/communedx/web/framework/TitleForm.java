package org.communedx.web.framework;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.communedx.model.Numbers;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;

/**
 * A draft version's title in both languages, and how it shows its figures: percent or points, the decimals points are
 * rounded to, and the total its criteria's maxima must add up to (optional). A form without the score fields (a script
 * that predates them) keeps percent with two decimals. The decimals arrive as BigDecimal, so that a fraction is a
 * message on its field and not a failed conversion, which would bring the form back with its total blank.
 */
record TitleForm(@NotBlank @Size(max = 300) String titleVi, @NotBlank @Size(max = 300) String titleEn,
        ScoreDisplay scoreDisplay,
        @Min(0) @Max(ScoreSettings.MAX_DECIMALS) @Digits(integer = 1, fraction = 0) BigDecimal scoreDecimals,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 2) BigDecimal declaredTotal) {

    static TitleForm of(LocalizedText title, ScoreSettings settings) {
        return new TitleForm(title.vi(), title.en(), settings.display(), BigDecimal.valueOf(settings.decimals()),
                settings.declaredTotal() == null ? null : Numbers.plain(settings.declaredTotal()));
    }

    LocalizedText toTitle() {
        return new LocalizedText(titleVi, titleEn);
    }

    ScoreSettings toScoreSettings() {
        return new ScoreSettings(scoreDisplay,
                scoreDecimals == null ? ScoreSettings.PERCENT.decimals() : scoreDecimals.intValueExact(), declaredTotal);
    }
}
