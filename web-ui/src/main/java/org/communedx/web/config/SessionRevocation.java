package org.communedx.web.config;

import java.util.List;
import java.util.Set;

import org.communedx.model.user.UserAccount;
import org.communedx.service.user.AccessRevoked;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a user's sessions: all of them when their access was revoked (see {@link AccessRevoked}), once the change has
 * committed, so that a rolled-back change ends nothing; all but the current one when they changed their own
 * password, since whoever knew the old one may hold another. Spring Security's session registry knows every page
 * session; an ended one is logged out at its next request and sent to the login page, which says why. With sessions
 * in PostgreSQL (or Redis) the registry finds them by the user's name in the session store, whatever instance made
 * them, and marks them ended there, for every instance to see.
 */
@Component
public class SessionRevocation {

    private final SessionRegistry sessions;

    SessionRevocation(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(AccessRevoked revoked) {
        endSessionsOf(revoked.username(), Set.of());
    }

    /**
     * @param keptSessionIds the one session to leave open, by every id it goes by in this request (none for none):
     *     a session given a new id in this request is stored under that id only once the request ends, with sessions
     *     in PostgreSQL, so the store still knows it by the old one
     */
    public void endSessionsOf(String username, Set<String> keptSessionIds) {
        String wanted = UserAccount.normalizeUsername(username);
        if (sessions instanceof SpringSessionBackedSessionRegistry<?>) {
            // It looks sessions up by name (a String principal is its own name), and cannot list every principal.
            end(sessions.getAllSessions(wanted, false), keptSessionIds);
            return;
        }
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && wanted.equals(UserAccount.normalizeUsername(user.getUsername()))) {
                end(sessions.getAllSessions(principal, false), keptSessionIds);
            }
        }
    }

    private static void end(List<SessionInformation> sessions, Set<String> keptSessionIds) {
        sessions.stream().filter(session -> !keptSessionIds.contains(session.getSessionId()))
                .forEach(SessionInformation::expireNow);
    }
}
