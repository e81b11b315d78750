package org.communedx.service.period;

import java.time.LocalDate;

/**
 * A period's submission deadline changed, published in the transaction of the change: what was said of the old one,
 * a reminder not yet read, is no longer true.
 */
public record SubmissionDeadlineMoved(long periodId, LocalDate deadline) {
}
