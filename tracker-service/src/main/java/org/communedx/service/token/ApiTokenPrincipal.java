package org.communedx.service.token;

import java.io.Serializable;

import org.communedx.model.user.Role;
import org.communedx.service.scope.UnitBoundPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the API with a token: the token itself, with its role and unit. Its name, {@code token:<id>}, is what the
 * audit trail and every "changed by" records, so that a system's changes are told from a person's.
 *
 * @param tokenName the name its issuer gave it, e.g. "Một cửa Hòa Bình"
 */
public record ApiTokenPrincipal(long id, String tokenName, Role role, @Nullable String unitCode)
        implements UnitBoundPrincipal, Serializable {

    public static final String NAME_PREFIX = "token:";

    @Override
    public String getName() {
        return NAME_PREFIX + id;
    }

    @Override
    public String toString() {
        return getName();
    }
}
