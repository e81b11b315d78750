package org.communedx.service.report;

import java.math.BigDecimal;
import java.util.Locale;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.MeasurementType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The words of an export in the user's language: headers, statuses, yes and no. The web layer passes its message
 * bundles and the request's locale, so that service code needs no servlet API and names only message keys.
 */
public record Labels(MessageSource messages, Locale locale) {

    /** The text of a key; a missing key is a defect and fails loudly rather than showing the key. */
    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /**
     * How a criterion's target reads, on every page ({@code #entries}, the framework's own) as in the exports:
     * "≥ 80%", as every other percentage is written, "≤ 3 ngày", "≥ 12" without a unit, "Mức ≥ 2" for a level;
     * "Có (đã thực hiện)" for a yes-or-no criterion that must be done, "Không" for one that must not. The number in
     * its plain form: 80, not the 80.00 the column gives.
     */
    public static MessageSourceResolvable target(MeasurementType type, BigDecimal target, Comparison comparison,
            @Nullable String unit) {
        if (type == MeasurementType.BOOLEAN) {
            return new DefaultMessageSourceResolvable(comparison == Comparison.AT_MOST ? "entry.target.no"
                    : "entry.target.yes");
        }
        // A percent is one whether or not its criterion names the unit, as the framework's page writes it: "≥ 90%".
        String shown = (unit == null || unit.isBlank()) && type == MeasurementType.PERCENT ? "%" : unit;
        String kind = type == MeasurementType.LEVEL ? "level." : "";
        return new DefaultMessageSourceResolvable(new String[] { "entry.target." + kind + comparison.name() },
                new Object[] { Numbers.plain(target), shown == null || shown.isBlank() ? ""
                        : shown.equals("%") ? shown : "\u00a0" + shown });
    }

    /** The text of a message such as {@link #target}. */
    public String get(MessageSourceResolvable message) {
        return messages.getMessage(message, locale);
    }
}
