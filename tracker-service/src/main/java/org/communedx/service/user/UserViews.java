package org.communedx.service.user;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.communedx.model.user.Role;

/** What the user administration pages show and send: plain records, so that no template lazy-loads. */
public final class UserViews {

    private UserViews() {
    }

    /** One line of the user list; {@code unit} is null when no unit ever held the code. */
    public record UserRow(long id, String username, String displayName, Role role, String unitCode, UnitName unit,
            boolean enabled, Instant lastLoginAt) {
    }

    /**
     * The name of an account's unit: the unit holding the code today or, for a unit that has ended (a district, or a
     * province the 2025 reform merged, whose accounts keep its history), the last that held it and the day it ended.
     */
    public record UnitName(String name, LocalDate endedOn) {
    }

    /** One page of the list, {@code page} counted from 0. */
    public record UserPage(List<UserRow> rows, int page, int totalPages, long total) {
    }

    /** {@code self} is whether the acting administrator is looking at their own account. */
    public record UserDetail(long id, String username, String displayName, Role role, String unitCode,
            UnitName unit, String email, boolean enabled, boolean mustChangePassword, Instant lastLoginAt,
            Instant createdAt, boolean self, long version) {
    }

    /** A new user as the administrator describes it; the service checks every part. */
    public record NewUser(String username, String displayName, Role role, String unitCode, String email) {
    }

    /** What may change about an existing user; the username never does. */
    /** @param version the account's version when the changes were made: a change since refuses them */
    public record UserChanges(String displayName, Role role, String unitCode, String email, long version) {
    }

    /**
     * A user with the one-time password they were given, to be shown once and never stored in clear. Serializable:
     * it waits in the session for the next page, and shared sessions (communedx.sessions=jdbc) are stored serialized.
     */
    public record IssuedPassword(long id, String username, String displayName, Role role, String unitCode,
            String password) implements Serializable {
    }
}
