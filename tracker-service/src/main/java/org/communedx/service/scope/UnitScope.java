package org.communedx.service.scope;

import java.util.Set;

/**
 * The part of the unit tree one user may reach: the subtree under their own unit, through every period of its
 * codes, or everything for an administrator. Whatever lies outside answers "not found", never "forbidden", so
 * that an answer does not confirm that a code exists.
 */
public record UnitScope(boolean everything, String rootCode, Set<String> unitCodes) {

    static final UnitScope EVERYTHING = new UnitScope(true, null, Set.of());

    static final UnitScope NOTHING = new UnitScope(false, null, Set.of());

    public boolean includes(String unitCode) {
        return everything || unitCodes.contains(unitCode);
    }

    /** Throws {@link OutOfScopeException} (a 404) unless the unit is reachable. */
    public void require(String unitCode) {
        if (!includes(unitCode)) {
            throw new OutOfScopeException(unitCode);
        }
    }
}
