package org.communedx.web.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.communedx.model.user.Role;
import org.communedx.service.token.ApiTokens;
import org.communedx.service.token.ApiTokens.NewToken;

/**
 * A token to issue, as typed. What is missing is said here; the lengths, the number of days, and whether the role
 * and unit may be given by this issuer, are the service's to say (ApiTokens), in the same words.
 */
record TokenForm(
        @NotBlank(message = "{apiTokens.problem.nameMissing}") String name,
        @NotNull(message = "{apiTokens.problem.roleRequired}") Role role,
        String unitCode,
        @NotNull(message = "{apiTokens.problem.validDaysMissing}") Integer validDays) {

    static TokenForm empty() {
        return new TokenForm("", null, "", ApiTokens.DEFAULT_VALID_DAYS);
    }

    NewToken toNewToken() {
        return new NewToken(name, role, unitCode, validDays);
    }
}
