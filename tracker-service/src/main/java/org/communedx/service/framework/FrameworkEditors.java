package org.communedx.service.framework;

import org.communedx.service.Actors;

/**
 * Who changes frameworks (administrators) and who may read their drafts as well (provincial managers, who follow
 * the next version coming). The URL rules say the same for every route today; the services hold to it whatever
 * route reaches them.
 */
final class FrameworkEditors {

    private FrameworkEditors() {
    }

    static boolean mayReadDrafts() {
        return Actors.hasAnyRole("ADMIN", "PROVINCE_MANAGER");
    }

    static void requireEditor() {
        Actors.requireAnyRole("Only administrators change frameworks", "ADMIN");
    }
}
