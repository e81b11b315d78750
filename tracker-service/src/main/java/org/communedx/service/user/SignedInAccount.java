package org.communedx.service.user;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in account as Spring Security holds it, with the name the pages call it by. Equal, as any {@link User},
 * by username alone, which the session registry relies on. The display name is the one it had at login.
 */
public final class SignedInAccount extends User {

    private static final long serialVersionUID = 1L;

    private final String displayName;

    SignedInAccount(String username, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String displayName) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }
}
