package org.communedx.model.period;

import java.time.LocalDate;

/** A plan's name, target and dates: at least {@code targetPercent}% completed in {@code targetCommunes} communes. */
public record PlanTerms(String name, int targetPercent, int targetCommunes, LocalDate startDate, LocalDate deadline) {
}
