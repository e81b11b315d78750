package org.communedx.service.framework;

import org.communedx.service.Actors;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who changes frameworks and sees their drafts: administrators and provincial managers. The URL rules say the same
 * for every route today; the services hold to it whatever route reaches them.
 */
final class FrameworkEditors {

    private FrameworkEditors() {
    }

    static boolean isCaller() {
        return Actors.hasAnyRole("ADMIN", "PROVINCE_MANAGER");
    }

    static void requireCaller() {
        if (!isCaller()) {
            throw new AccessDeniedException("Only administrators and provincial managers change frameworks");
        }
    }
}
