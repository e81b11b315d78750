package org.communedx.service.user;

import org.springframework.security.core.Authentication;

/** Authorities that are not roles. */
public final class AccountAuthorities {

    /** Held by a user whose password someone else chose: until it is changed, nothing else may be done. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private AccountAuthorities() {
    }

    public static boolean mustChangePassword(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
    }
}
