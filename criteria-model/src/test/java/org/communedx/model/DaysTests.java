package org.communedx.model;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A day as a date field, a script or a person writes it, and nothing else. */
class DaysTests {

    @Test
    void aDayIsIsoOrDayFirstWithItsYearWhole() {
        assertThat(Days.parse("2026-12-31")).contains(LocalDate.of(2026, 12, 31));
        assertThat(Days.parse(" 31/12/2026 ")).contains(LocalDate.of(2026, 12, 31));
        assertThat(Days.parse("7/3/2026")).as("day first, as the pages write it").contains(LocalDate.of(2026, 3, 7));
    }

    @Test
    void anythingElseIsNoDay() {
        for (String text : new String[] { "31/02/2026", "2026-02-30", "+999999999-01-01", "0000-01-01", "05/03/26",
                "12/31/2026", "2026-1-5", "15-03-2026", "", "hôm qua" }) {
            assertThat(Days.parse(text)).as(text).isEmpty();
        }
        assertThat(Days.parse(null)).isEmpty();
    }
}
