package org.communedx.model.period;

import java.time.LocalDate;

/** What defines a period apart from its framework; the entity checks it. */
public record PeriodTerms(String name, int year, LocalDate startDate, LocalDate endDate,
        LocalDate submissionDeadline) {
}
