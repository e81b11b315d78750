package org.communedx.model.user;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptTests {

    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void keepsWhatWasTypedAndCountsByTheLowerCasedName() {
        LoginAttempt attempt = new LoginAttempt(" Xa.YenPhu ", "10.0.0.7", LoginOutcome.FAILURE, NOW);

        assertThat(attempt.getUsername()).isEqualTo(" Xa.YenPhu ");
        assertThat(attempt.getUsernameKey()).isEqualTo("xa.yenphu");
    }

    @Test
    void cutsVeryLongInputToAHundredCharactersWithoutSplittingOne() {
        LoginAttempt attempt = new LoginAttempt("😀".repeat(10_000), null, LoginOutcome.FAILURE, NOW);

        assertThat(attempt.getUsername().codePointCount(0, attempt.getUsername().length())).isEqualTo(100);
        assertThat(attempt.getUsername()).isEqualTo("😀".repeat(100));
        assertThat(new LoginAttempt("İ".repeat(100), null, LoginOutcome.FAILURE, NOW).getUsernameKey()
                .codePoints().count()).isEqualTo(100);
    }

    @Test
    void replacesControlCharactersThatPostgresqlCannotStore() {
        LoginAttempt attempt = new LoginAttempt("admin\u0000--", "127.0.0.1\u0000", LoginOutcome.FAILURE, NOW);

        assertThat(attempt.getUsername()).isEqualTo("admin\uFFFD--");
        assertThat(attempt.getClientIp()).isEqualTo("127.0.0.1\uFFFD");
        assertThat(new LoginAttempt("a\uD800b", null, LoginOutcome.FAILURE, NOW).getUsername()).isEqualTo("a\uFFFDb");
    }
}
