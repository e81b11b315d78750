package org.communedx.web.token;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.communedx.model.user.Role;
import org.communedx.service.token.ApiTokens;
import org.communedx.service.token.ApiTokens.NewToken;

/**
 * A token to issue, as typed: the days as text, so that "1.5" comes back as typed with its message rather than as an
 * empty field. What is missing or not a number is said here; the lengths, the range of days, and whether the role
 * and unit may be given by this issuer, are the service's to say (ApiTokens), in the same words.
 *
 * @param issueKey drawn when the form is shown and sent back with it, so that the same form sent twice (the issued
 *        page reloaded, which sends it again) issues one token; at most 36 characters, a UUID's
 */
record TokenForm(
        @NotBlank(message = "{apiTokens.problem.nameMissing}") String name,
        @NotNull(message = "{apiTokens.problem.roleRequired}") Role role,
        String unitCode,
        @NotNull(message = "{apiTokens.problem.validDaysMissing}")
        @Pattern(regexp = "[0-9]{1,9}", message = "{apiTokens.problem.validDaysMissing}") String validDays,
        @Size(max = 36) String issueKey) {

    static TokenForm empty() {
        return new TokenForm("", null, "", Integer.toString(ApiTokens.DEFAULT_VALID_DAYS),
                UUID.randomUUID().toString());
    }

    /** The token as typed; days not written in up to nine digits are none (the form says why). */
    NewToken toNewToken() {
        return new NewToken(name, role, unitCode,
                validDays != null && validDays.matches("[0-9]{1,9}") ? Integer.valueOf(validDays) : null);
    }
}
