package org.communedx.service.user;

import java.time.Duration;

/**
 * Refused by the {@link LoginThrottle} before the password is even checked, so that a flood of guesses costs no
 * password hashing.
 */
public class TooManyAttempts extends RuntimeException {

    private final Duration wait;

    TooManyAttempts(Duration wait) {
        super("Too many wrong passwords; wait " + wait);
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }

    /** The wait in whole minutes, rounded up, as the refusal tells it. */
    public long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
