package org.communedx.service.unit;

import java.util.List;

/**
 * What an import of a merge mapping did. Predecessors that are not in the database (their province was never
 * imported) are listed, not refused: a province may load only its own part of the national mapping.
 */
public record MergeImportSummary(int provincesCreated, int unitsCreated, int unitsUpdated, int unitsUnchanged,
        int unitsClosed, int successionsCreated, int successionsUpdated, int successionsUnchanged,
        List<String> unknownPredecessors) implements UnitImportResult {
}
