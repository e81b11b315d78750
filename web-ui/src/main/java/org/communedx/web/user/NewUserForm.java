package org.communedx.web.user;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.communedx.model.user.Role;
import org.communedx.service.user.UserViews.NewUser;

/**
 * A new user as typed. The shape is checked here; whether the name is free, and the role and unit may be given
 * by this administrator, is the service's to say.
 *
 * @param issueKey drawn when the form is shown and sent back with it, so that the same form sent twice (the page that
 *        shows the one-time password reloaded) creates one user; at most 36 characters, a UUID's
 */
record NewUserForm(
        // Not @NotBlank: the pattern refuses a blank name too, and the two would say the same thing twice.
        @NotNull(message = "{users.problem.usernameShape}") @Pattern(regexp = "\\s*[A-Za-z0-9._-]{3,64}\\s*",
                message = "{users.problem.usernameShape}") String username,
        @NotBlank(message = "{users.problem.displayNameMissing}") @Size(max = 200,
                message = "{users.problem.displayNameTooLong}") String displayName,
        @NotNull(message = "{users.problem.roleRequired}") Role role,
        @Size(max = 100, message = "{users.problem.unitCodeTooLong}") String unitCode,
        @Email(message = "{users.problem.emailInvalid}") @Size(max = 254,
                message = "{users.problem.emailInvalid}") String email,
        @Size(max = 36) String issueKey) {

    static NewUserForm empty() {
        return new NewUserForm("", "", null, "", "", UUID.randomUUID().toString());
    }

    NewUserForm withUnitCode(String code) {
        return new NewUserForm(username, displayName, role, code, email, issueKey);
    }

    NewUser toNewUser() {
        return new NewUser(username, displayName, role, unitCode, email);
    }
}
