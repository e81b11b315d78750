package org.communedx.service;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in the current request, as services record and check it. */
public final class Actors {

    /** What the audit trail records when no one is logged in, e.g. the demo seeding at startup. */
    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    /** @throws AccessDeniedException (a 403) saying {@code why}, unless the caller holds one of the roles */
    public static void requireAnyRole(String why, String... roles) {
        if (!hasAnyRole(roles)) {
            throw new AccessDeniedException(why);
        }
    }

    public static boolean hasAnyRole(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (String role : roles) {
            if (authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()))) {
                return true;
            }
        }
        return false;
    }
}
