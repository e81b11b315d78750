package org.communedx.service.scope;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.jspecify.annotations.Nullable;

/**
 * Who acts in the current request, with the role and unit that the workflow's checks go by ("staff of this very
 * commune", "reviewer of its district"): a signed-in account's, or an API token's ({@link UnitBoundPrincipal}).
 *
 * @param username what "changed by" and the audit trail record: the account's username, or {@code token:<id>}
 * @param unitCode null for an administrator
 */
public record Acting(String username, Role role, @Nullable String unitCode) {

    /** The account acting in person, as the workflow's rules judge it. */
    public static Acting of(UserAccount account) {
        return new Acting(account.getUsername(), account.getRole(), account.getUnitCode());
    }
}
