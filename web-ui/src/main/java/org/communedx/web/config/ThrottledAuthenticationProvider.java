package org.communedx.web.config;

import org.communedx.service.user.LoginAttempts;
import org.communedx.service.user.TooManyAttempts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the login throttle and the login audit around the account check, for the login form and HTTP Basic alike.
 * A client that must wait is refused before the password is checked, so that its guesses cost no hashing; a disabled
 * account given its right password is told so; every other refusal is the same {@link BadCredentialsException}, so no
 * answer tells whether a username exists.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider accounts;

    private final LoginAttempts attempts;

    private final boolean everySuccess;

    /**
     * @param everySuccess whether every success is recorded (the login form: one row per login), or only one that
     *     clears wrong passwords still counting (HTTP Basic, which a script sends on every call: a row each would grow
     *     {@code login_attempt} by the call, and write to the database on every read)
     */
    ThrottledAuthenticationProvider(AuthenticationProvider accounts, LoginAttempts attempts, boolean everySuccess) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.everySuccess = everySuccess;
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
        catch (DisabledException ex) {
            // Checked after the password (SecurityConfiguration): a right password, no guess for the throttle.
            throw ex;
        }
        catch (AuthenticationException ex) {
            attempts.failed(username, clientIp);
            throw new BadCredentialsException("Bad credentials");
        }
        if (everySuccess || attempts.failuresPending(username, clientIp)) {
            attempts.succeeded(username, clientIp);
        }
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
