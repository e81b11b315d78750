package org.communedx.service.unit;

import java.util.EnumMap;
import java.util.Map;

import org.communedx.model.unit.UnitLevel;

/** What an import of a GSO list did, per level: a re-import of the same file shows only unchanged units. */
public record UnitImportSummary(Map<UnitLevel, Counts> byLevel) implements UnitImportResult {

    /** The audit trail's record type of an import of units, a GSO list or a merge mapping: one event each. */
    public static final String AUDIT_TYPE = "UNITS";

    public record Counts(int created, int updated, int unchanged) {

        Counts plus(Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged);
                case UPDATED -> new Counts(created, updated + 1, unchanged);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1);
            };
        }

        public int total() {
            return created + updated + unchanged;
        }
    }

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    static UnitImportSummary empty() {
        Map<UnitLevel, Counts> counts = new EnumMap<>(UnitLevel.class);
        for (UnitLevel level : UnitLevel.values()) {
            counts.put(level, new Counts(0, 0, 0));
        }
        return new UnitImportSummary(counts);
    }

    void count(UnitLevel level, Outcome outcome) {
        byLevel.merge(level, new Counts(0, 0, 0).plus(outcome), (old, one) -> old.plus(outcome));
    }

    public Counts counts(UnitLevel level) {
        return byLevel.get(level);
    }

    public Counts total() {
        return byLevel.values().stream().reduce(new Counts(0, 0, 0), (a, b) -> new Counts(a.created() + b.created(),
                a.updated() + b.updated(), a.unchanged() + b.unchanged()));
    }
}
