package org.communedx.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTests {

    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private final List<LoginAttempt> history = new ArrayList<>();

    @Test
    void fifthFailureWithinFifteenMinutesLocksTheUsername() {
        for (int minute = 0; minute < 4; minute++) {
            assertThat(fail(minute)).isEqualTo(LoginOutcome.FAILURE);
        }
        assertThat(Lockout.isLocked(history, at(4))).isFalse();

        assertThat(fail(4)).isEqualTo(LoginOutcome.LOCKOUT);

        assertThat(Lockout.isLocked(history, at(4))).isTrue();
        assertThat(fail(5)).isEqualTo(LoginOutcome.LOCKED);
    }

    @Test
    void lockLastsFifteenMinutesAndTheCountThenStartsAgain() {
        for (int minute = 0; minute < 5; minute++) {
            fail(minute);
        }
        assertThat(Lockout.isLocked(history, at(18).plusSeconds(59))).isTrue();
        assertThat(Lockout.isLocked(history, at(19))).isFalse();

        assertThat(fail(19)).isEqualTo(LoginOutcome.FAILURE);
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() {
        fail(0);
        fail(1);
        fail(2);
        fail(3);

        assertThat(fail(16)).isEqualTo(LoginOutcome.FAILURE);
    }

    @Test
    void successStartsTheCountAgain() {
        fail(0);
        fail(1);
        fail(2);
        fail(3);
        history.add(new LoginAttempt("xa.yenphu", null, LoginOutcome.SUCCESS, at(4)));

        assertThat(fail(5)).isEqualTo(LoginOutcome.FAILURE);
    }

    private LoginOutcome fail(int minute) {
        LoginOutcome outcome = Lockout.failure(history.stream()
                .filter(attempt -> attempt.getAttemptedAt().isAfter(at(minute).minus(Lockout.LOOK_BACK))).toList(),
                at(minute));
        history.add(new LoginAttempt("xa.yenphu", "10.0.0.1", outcome, at(minute)));
        return outcome;
    }

    private static Instant at(int minute) {
        return START.plus(Duration.ofMinutes(minute));
    }
}
