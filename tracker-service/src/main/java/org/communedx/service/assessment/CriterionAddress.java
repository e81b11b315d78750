package org.communedx.service.assessment;

/**
 * A criterion of a commune's assessment in a period, addressed by codes: it names the criterion's entry before the
 * entry is stored, which happens at the commune's first write in the period.
 */
public record CriterionAddress(String communeCode, long periodId, String criterionCode) {
}
