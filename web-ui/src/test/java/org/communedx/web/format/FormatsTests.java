package org.communedx.web.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    private final Formats vietnamese = new Formats(Locale.forLanguageTag("vi"));

    private final Formats english = new Formats(Locale.ENGLISH);

    /** A heatmap cell at 12.5% reads 13, as the percentages themselves are rounded; Java's default would say 12. */
    @Test
    void decimalsRoundHalfUpInTheReadersLanguage() {
        assertThat(vietnamese.decimal(new BigDecimal("12.5"), 0)).isEqualTo("13");
        assertThat(vietnamese.decimal(new BigDecimal("37.5"), 0)).isEqualTo("38");
        assertThat(english.decimal(new BigDecimal("0.25"), 1)).isEqualTo("0.3");
        assertThat(vietnamese.decimal(new BigDecimal("1234.45"), 1)).isEqualTo("1.234,5");
        assertThat(english.decimal(new BigDecimal("1234.45"), 1)).isEqualTo("1,234.5");
    }

    /** A value measured on a day a file gave without a time is kept from that day's start: its day alone is shown. */
    @Test
    void aMeasurementAtTheStartOfADayIsThatDay() {
        assertThat(vietnamese.measured(Instant.parse("2026-10-30T17:00:00Z"))).isEqualTo("31/10/2026");
        assertThat(vietnamese.measured(Instant.parse("2026-10-31T01:30:00Z"))).isEqualTo("31/10/2026 08:30");
        assertThat(vietnamese.measured(null)).isNull();
    }
}
