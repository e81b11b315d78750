package org.communedx.web.account;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.web.config.SessionRevocation;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The logged-in user's authentication in the session, brought up to date after their password changed. */
@Component
class SessionAuthentication {

    private final UserDetailsService users;

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    private final SessionRevocation revocation;

    SessionAuthentication(UserDetailsService users, SessionRevocation revocation) {
        this.users = users;
        this.revocation = revocation;
    }

    /**
     * After a password change: reloads the authorities (no more "must change the password"), gives the session a new
     * id, as a login does, and ends the user's other sessions.
     */
    void refresh(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = holder.getContext().getAuthentication();
        UserDetails user = users.loadUserByUsername(current.getName());
        if (user instanceof CredentialsContainer credentials) {
            credentials.eraseCredentials();
        }
        UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        refreshed.setDetails(current.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(refreshed);
        holder.setContext(context);
        // Both ids: with sessions in PostgreSQL the store knows this session by the old one until the request ends.
        String before = request.getSession().getId();
        String kept = request.changeSessionId();
        repository.saveContext(context, request, response);
        revocation.endSessionsOf(current.getName(), Set.of(before, kept));
    }
}
