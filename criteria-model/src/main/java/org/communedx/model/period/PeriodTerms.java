package org.communedx.model.period;

import java.time.LocalDate;

/**
 * What defines a period apart from its framework; the entity checks it.
 * @param graceDays days after the submission deadline during which commune staff may still change their entries
 */
public record PeriodTerms(String name, int year, LocalDate startDate, LocalDate endDate,
        LocalDate submissionDeadline, int graceDays) {

    /** Terms without a grace: the period closes to communes the day after its deadline. */
    public PeriodTerms(String name, int year, LocalDate startDate, LocalDate endDate, LocalDate submissionDeadline) {
        this(name, year, startDate, endDate, submissionDeadline, 0);
    }
}
