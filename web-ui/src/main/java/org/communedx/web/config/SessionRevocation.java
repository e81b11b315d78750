package org.communedx.web.config;

import org.communedx.model.user.UserAccount;
import org.communedx.service.user.AccessRevoked;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the sessions of a user whose access was revoked (see {@link AccessRevoked}), once the change has committed:
 * a rolled-back change ends nothing. Spring Security's session registry knows every page session; an ended one is
 * logged out at its next request and sent to the login page, which says why.
 */
@Component
class SessionRevocation {

    private final SessionRegistry sessions;

    SessionRevocation(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(AccessRevoked revoked) {
        String username = UserAccount.normalizeUsername(revoked.username());
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && username.equals(UserAccount.normalizeUsername(user.getUsername()))) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
