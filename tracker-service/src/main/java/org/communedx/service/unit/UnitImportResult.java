package org.communedx.service.unit;

/** What a unit import's background job hands back: the counts of a GSO list or of a merge mapping. */
public sealed interface UnitImportResult permits UnitImportSummary, MergeImportSummary {
}
