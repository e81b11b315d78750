package org.communedx.model.user;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserAccountTests {

    private final UserAccount account = new UserAccount("Xa.YenPhu", "UBND xã Yên Phú", "{bcrypt}old", Role.COMMUNE_STAFF,
            "05305", Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void changingThePasswordMeetsTheRequirementToChangeIt() {
        account.requirePasswordChange();

        account.changePassword("{bcrypt}new");

        assertThat(account.getPasswordHash()).isEqualTo("{bcrypt}new");
        assertThat(account.isMustChangePassword()).isFalse();
    }

    @Test
    void speaksOnlyTheShippedLanguages() {
        account.preferLanguage("en");
        assertThat(account.getLocale()).isEqualTo("en");

        assertThatIllegalArgumentException().isThrownBy(() -> account.preferLanguage("fr"));
        assertThat(account.getLocale()).isEqualTo("en");
    }
}
