package org.communedx.web.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.user.Role;
import org.communedx.service.user.UserViews.UserChanges;
import org.communedx.service.user.UserViews.UserDetail;

/**
 * What may change about a user; the username never does, and whether they may sign in changes only by the user page's
 * own actions, which ask first and are audited as such (DISABLE, ENABLE).
 */
record EditUserForm(
        @NotBlank(message = "{users.problem.displayNameMissing}") @Size(max = 200,
                message = "{users.problem.displayNameTooLong}") String displayName,
        @NotNull(message = "{users.problem.roleRequired}") Role role,
        @Size(max = 100, message = "{users.problem.unitCodeTooLong}") String unitCode,
        @Email(message = "{users.problem.emailInvalid}") @Size(max = 254,
                message = "{users.problem.emailInvalid}") String email,
        @NotNull(message = "{users.problem.changedMeanwhile}") Long version) {

    static EditUserForm of(UserDetail user) {
        return new EditUserForm(user.displayName(), user.role(), user.unitCode(), user.email(), user.version());
    }

    EditUserForm withUnitCode(String code) {
        return new EditUserForm(displayName, role, code, email, version);
    }

    UserChanges toChanges() {
        return new UserChanges(displayName, role, unitCode, email, version);
    }
}
