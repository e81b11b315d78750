package org.communedx.model.user;

public enum LoginOutcome {
    SUCCESS,
    FAILURE,
    /** A failure that was one too many: the username is locked from now on. */
    LOCKOUT,
    /** Refused because the username was locked, whatever the password. */
    LOCKED;

    public boolean isFailure() {
        return this == FAILURE || this == LOCKOUT;
    }
}
