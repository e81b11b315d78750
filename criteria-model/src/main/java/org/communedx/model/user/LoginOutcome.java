package org.communedx.model.user;

public enum LoginOutcome {
    SUCCESS,
    FAILURE,
    /** A wrong password after which its sender must wait before trying again (see the login throttle). */
    LOCKOUT,
    /**
     * Refused because the username was locked: written only before V13_4, when a lock held every address. A refused
     * attempt now writes no row, so that a flood of them cannot grow the table.
     */
    LOCKED,
    /** A wrong current password given to change the password: it counts as a wrong password at login. */
    WRONG_CURRENT,
    /**
     * Written by an operator (see the README): wrong passwords before it no longer count for its username, from
     * any address, nor for its client address, if it names one.
     */
    RELEASE;

    /** Whether it is a wrong password that the throttle counts. */
    public boolean isFailure() {
        return this == FAILURE || this == LOCKOUT || this == WRONG_CURRENT;
    }
}
