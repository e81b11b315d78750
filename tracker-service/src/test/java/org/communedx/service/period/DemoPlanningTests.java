package org.communedx.service.period;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanningTests {

    @Test
    void theLastPeriodStaysOpenSixtyDaysAfterSeedingAtLeast() {
        assertThat(DemoPlanning.deadline(2026, LocalDate.of(2026, 3, 1))).as("seeded early in the year")
                .isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(DemoPlanning.deadline(2026, LocalDate.of(2026, 12, 4))).as("seeded 11 days before 15 December")
                .isEqualTo(LocalDate.of(2027, 2, 2));
        assertThat(DemoPlanning.deadline(2026, LocalDate.of(2027, 5, 20))).as("seeded after the last year")
                .isEqualTo(LocalDate.of(2027, 7, 19));
    }

    @Test
    void theEarlierPeriodsKeepTheirDeadlinesInThePast() {
        LocalDate seeded = LocalDate.of(2027, 5, 20);
        for (int year = DemoPlanning.FIRST_YEAR; year < DemoPlanning.LAST_YEAR; year++) {
            assertThat(DemoPlanning.deadline(year, seeded)).isEqualTo(LocalDate.of(year, 12, 15)).isBefore(seeded);
        }
    }
}
