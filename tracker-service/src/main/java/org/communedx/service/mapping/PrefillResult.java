package org.communedx.service.mapping;

/**
 * What a prefill wrote.
 * @param communes communes whose assessment in the period received carried-over values or was opened for them
 * @param values entries that received a value, each a DRAFT marked as carried over
 * @param files evidence files linked to those entries
 * @param communesGone communes with a previous period that no longer exist in the new period (merged away), skipped
 */
public record PrefillResult(String periodName, int communes, int values, int files, int communesGone) {
}
