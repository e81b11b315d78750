package org.communedx.model.user;

import java.time.Instant;

import org.communedx.model.unit.UnitLevel;
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

    @Test
    void anAdministratorHasNoUnitAndEveryOtherRoleHasOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> account.assign(Role.ADMIN, "05305"));
        assertThatIllegalArgumentException().isThrownBy(() -> account.assign(Role.VIEWER, null));
        assertThat(account.getRole()).isEqualTo(Role.COMMUNE_STAFF);

        account.assign(Role.ADMIN, null);

        assertThat(account.getUnitCode()).isNull();
    }

    @Test
    void usernamesAreShortLowerCaseAndPlain() {
        assertThat(account.getUsername()).isEqualTo("xa.yenphu");
        for (String bad : new String[] { "ab", "xã.yênphú", "a b c", "a".repeat(65), "x@y.vn" }) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(
                    () -> new UserAccount(bad, "Tên", "{noop}x", Role.ADMIN, null, Instant.EPOCH));
        }
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextLogin() {
        account.resetPassword("{bcrypt}issued");

        assertThat(account.getPasswordHash()).isEqualTo("{bcrypt}issued");
        assertThat(account.isMustChangePassword()).isTrue();
    }

    @Test
    void refusesAnEmptyNameAndAMalformedAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> account.rename("  "));
        assertThatIllegalArgumentException().isThrownBy(() -> account.changeEmail("not-an-address"));

        account.changeEmail("  ");
        assertThat(account.getEmail()).isNull();
        account.changeEmail(" ubnd.yenphu@hoabinh.gov.vn ");
        assertThat(account.getEmail()).isEqualTo("ubnd.yenphu@hoabinh.gov.vn");
    }

    @Test
    void eachRoleBelongsToItsLevelsOfUnit() {
        assertThat(Role.PROVINCE_MANAGER.fits(UnitLevel.PROVINCE)).isTrue();
        assertThat(Role.PROVINCE_MANAGER.fits(UnitLevel.DISTRICT)).isFalse();
        assertThat(Role.DISTRICT_OFFICIAL.fits(UnitLevel.PROVINCE)).isTrue();
        assertThat(Role.DISTRICT_OFFICIAL.fits(UnitLevel.COMMUNE)).isFalse();
        assertThat(Role.COMMUNE_STAFF.fits(UnitLevel.DISTRICT)).isFalse();
        assertThat(Role.VIEWER.fits(UnitLevel.COMMUNE)).isTrue();
        assertThat(Role.ADMIN.fits(UnitLevel.PROVINCE)).isFalse();
    }
}
