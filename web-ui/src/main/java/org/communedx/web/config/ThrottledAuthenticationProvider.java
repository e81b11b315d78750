package org.communedx.web.config;

import org.communedx.service.user.LoginAttempts;
import org.communedx.service.user.TooManyAttempts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the login throttle and the login audit around the account check, for the login form and HTTP Basic alike.
 * A client that must wait is refused before the password is checked, so that its guesses cost no hashing; every
 * other refusal is the same {@link BadCredentialsException}, so no answer tells whether a username exists.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider accounts;

    private final LoginAttempts attempts;

    ThrottledAuthenticationProvider(AuthenticationProvider accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String clientIp = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        try {
            attempts.requireAllowed(username, clientIp);
        }
        catch (TooManyAttempts ex) {
            throw new LoginThrottled(ex);
        }
        Authentication authenticated;
        try {
            authenticated = accounts.authenticate(authentication);
        }
        catch (AuthenticationException ex) {
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

    /** A login refused because its client must wait: the login page and the API say for how long. */
    static final class LoginThrottled extends AuthenticationException {

        private final transient TooManyAttempts refusal;

        LoginThrottled(TooManyAttempts refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        TooManyAttempts refusal() {
            return refusal;
        }
    }
}
