package org.communedx.service.scope;

import java.util.Set;

import org.communedx.model.unit.AdministrativeUnit;

/**
 * The part of the unit tree one user may reach: the subtree under their own unit, through every period of its
 * codes, or everything for an administrator. Whatever lies outside answers "not found", never "forbidden", so
 * that an answer does not confirm that a code exists.
 * <p>
 * The codes serve lists and searches. Data of a unit in a period is checked against the units themselves
 * ({@link #require(AdministrativeUnit)}, and {@link Scopes#requireDuring} to find the unit a code names in a period):
 * after a merger the same code can name a unit inside the scope before the merger's date and one outside it after.
 */
public record UnitScope(boolean everything, String rootCode, Set<String> unitCodes, Set<Long> unitIds) {

    static final UnitScope EVERYTHING = new UnitScope(true, null, Set.of(), Set.of());

    static final UnitScope NOTHING = new UnitScope(false, null, Set.of(), Set.of());

    public boolean includes(String unitCode) {
        return everything || unitCodes.contains(unitCode);
    }

    /** Throws {@link OutOfScopeException} (a 404) unless the unit is reachable. */
    public void require(String unitCode) {
        if (!includes(unitCode)) {
            throw new OutOfScopeException(unitCode);
        }
    }

    /** Whether this very unit, as it was on the dates it was valid, lies within the scope. */
    public boolean includes(AdministrativeUnit unit) {
        return includesUnit(unit.getId());
    }

    /** Whether the unit with this id lies within the scope: for rows that hold a unit's id, such as a plan's. */
    public boolean includesUnit(long unitId) {
        return everything || unitIds.contains(unitId);
    }

    /** Throws {@link OutOfScopeException} (a 404) unless this very unit is reachable. */
    public void require(AdministrativeUnit unit) {
        if (!includes(unit)) {
            throw new OutOfScopeException(unit.getCode());
        }
    }
}
