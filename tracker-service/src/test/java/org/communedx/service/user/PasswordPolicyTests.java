package org.communedx.service.user;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problems("xa.yenphu", "Ruộng bậc thang 2025")).isEmpty();
        assertThat(policy.problems("xa.yenphu", "correct-horse-battery")).isEmpty();
    }

    @Test
    void refusesFewerThanTenCharacters() {
        assertThat(keys(policy.problems("xa.yenphu", "Xk9#mQ2!v"))).containsExactly("password.tooShort");
        assertThat(policy.problems("xa.yenphu", "Xk9#mQ2!vz")).isEmpty();
        assertThat(policy.problems("xa.yenphu", "Xk9#mQ2!v").get(0).arguments()).containsExactly(10);
    }

    /** Spaces within a passphrase count; ten spaces, or a short word padded with them, are not a password. */
    @Test
    void countsNoSpacesAtEitherEnd() {
        assertThat(keys(policy.problems("xa.yenphu", " ".repeat(10)))).containsExactly("password.tooShort");
        assertThat(keys(policy.problems("xa.yenphu", "  Xk9#mQ2!  "))).containsExactly("password.tooShort");
        assertThat(policy.problems("xa.yenphu", "Xk9 #mQ2 !v")).isEmpty();
    }

    @Test
    void countsCharactersNotCodeUnits() {
        // Nine emoji are eighteen UTF-16 code units, but only nine characters.
        assertThat(keys(policy.problems("xa.yenphu", "😀".repeat(9)))).containsExactly("password.tooShort");
        assertThat(keys(policy.problems("xa.yenphu", "đ".repeat(9)))).containsExactly("password.tooShort");
        // Typed with combining marks, "mậtkhẩuy" is eight letters in twelve code points: judged as it is hashed.
        assertThat(keys(policy.problems("xa.yenphu", Normalizer.normalize("mậtkhẩuy", Normalizer.Form.NFD))))
                .containsExactly("password.tooShort");
    }

    @Test
    void refusesWhatBcryptCannotHash() {
        assertThat(policy.problems("xa.yenphu", "a1-".repeat(24))).isEmpty();
        assertThat(keys(policy.problems("xa.yenphu", "a1-".repeat(24) + "z"))).containsExactly("password.tooLong");
        // 37 Vietnamese letters of two bytes each are 74 bytes.
        assertThat(keys(policy.problems("xa.yenphu", "đ".repeat(37)))).containsExactly("password.tooLong");
    }

    @Test
    void refusesTheUsernameWhateverItsCase() {
        assertThat(keys(policy.problems("huyen.lacson", "Huyen.LacSon"))).containsExactly("password.sameAsUsername");
        assertThat(keys(policy.problems("huyen.lacson", " huyen.lacson "))).containsExactly("password.sameAsUsername");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(keys(policy.problems("xa.yenphu", "password123"))).containsExactly("password.common");
        assertThat(keys(policy.problems("xa.yenphu", "QwertyUiop"))).containsExactly("password.common");
        assertThat(keys(policy.problems("xa.yenphu", "1234567890"))).containsExactly("password.common");
    }

    @Test
    void reportsEveryBrokenRule() {
        assertThat(keys(policy.problems("qwerty", "QWERTY"))).containsExactly("password.tooShort",
                "password.sameAsUsername", "password.common");
        assertThat(keys(policy.problems("xa.yenphu", null))).containsExactly("password.tooShort");
    }

    @Test
    void shipsAtLeastAThousandCommonPasswordsAndNoComments() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(1_000);
        assertThat(policy.isCommon("123456")).isTrue();
        assertThat(policy.isCommon("# the 30,000 most common passwords, most common first, one per line, lower-cased."))
                .isFalse();
    }

    private static List<String> keys(List<PasswordProblem> problems) {
        return problems.stream().map(PasswordProblem::messageKey).toList();
    }
}
