package org.communedx.service.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), 8);

    @Test
    void waitsDoubleFromTheBaseUpToTheCap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.delayAfter(1_000)).as("no overflow").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(backoff.givesUpAfter(7)).isFalse();
        assertThat(backoff.givesUpAfter(8)).isTrue();
    }

    @Test
    void refusesABackoffThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 3));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 3));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0));
    }
}
