package org.communedx.web.config;

import org.communedx.service.user.LoginAttempts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the lockout and the login audit around the account check, for the login form and HTTP Basic alike.
 * A refusal is always the same {@link BadCredentialsException}, so no answer tells whether a username exists,
 * is locked, or had the wrong password.
 */
final class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider accounts;

    private final LoginAttempts attempts;

    LockoutAuthenticationProvider(AuthenticationProvider accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String clientIp = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        boolean locked = attempts.isLocked(username);
        Authentication authenticated;
        try {
            // Checked even when locked, so that a locked username takes as long to refuse as any other.
            authenticated = accounts.authenticate(authentication);
        }
        catch (AuthenticationException ex) {
            attempts.failed(username, clientIp);
            throw new BadCredentialsException("Bad credentials");
        }
        if (locked) {
            attempts.failed(username, clientIp);
            throw new BadCredentialsException("Bad credentials");
        }
        attempts.succeeded(username, clientIp);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return accounts.supports(authentication);
    }
}
