package org.communedx.service.scope;

import org.communedx.model.user.Role;
import org.jspecify.annotations.Nullable;

/**
 * A principal that carries its own role and unit instead of naming an account, such as an API token: {@link Scopes}
 * works out its scope from them, as from an account's.
 */
public interface UnitBoundPrincipal {

    /** Unique among principals and never a username (a username has no colon), e.g. {@code token:42}. */
    String getName();

    Role role();

    /** Null for an administrator's. */
    @Nullable String unitCode();
}
