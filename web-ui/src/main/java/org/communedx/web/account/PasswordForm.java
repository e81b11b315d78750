package org.communedx.web.account;

import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

import org.communedx.model.Unicode;

/** A password change. The rules for the new password are the service's {@code PasswordPolicy}. */
record PasswordForm(@NotBlank(message = "{account.password.currentRequired}") String currentPassword,
        String newPassword, String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }

    /** The same password typed twice, whichever keyboard composed its diacritics (hashed in NFC, as both are). */
    @AssertTrue(message = "{account.password.confirmationMismatch}")
    public boolean isConfirmed() {
        return Objects.equals(Unicode.nfc(newPassword), Unicode.nfc(confirmPassword));
    }
}
