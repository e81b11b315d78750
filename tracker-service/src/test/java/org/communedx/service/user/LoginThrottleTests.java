package org.communedx.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginOutcome;
import org.communedx.service.CommuneDxProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private static final String STRANGER = "198.51.100.7";

    private static final String OFFICE = "203.0.113.20";

    private final LoginThrottle throttle = new LoginThrottle(
            new CommuneDxProperties.Login(5, 20, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(15)));

    private final List<LoginAttempt> history = new ArrayList<>();

    @Test
    void fifthWrongPasswordFromOneAddressMakesItWaitAMinuteForThatUsername() {
        for (int second = 0; second < 4; second++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, at(second));
            assertThat(waitUntil("admin", STRANGER, at(second))).isEmpty();
        }

        record("admin", STRANGER, LoginOutcome.FAILURE, at(4));

        assertThat(waitUntil("admin", STRANGER, at(5))).contains(at(4).plus(Duration.ofMinutes(1)));
        assertThat(waitUntil("admin", STRANGER, at(64))).isEmpty();
        assertThat(waitUntil("someone.else", STRANGER, at(5))).as("other usernames").isEmpty();
    }

    @Test
    void strangerFailingForAUsernameDoesNotHoldUpItsOwnerElsewhere() {
        for (int second = 0; second < 19; second++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, at(second));
        }

        assertThat(waitUntil("admin", STRANGER, at(20))).isPresent();
        assertThat(waitUntil("admin", OFFICE, at(20))).isEmpty();
        assertThat(waitUntil("ADMIN ", OFFICE, at(20))).isEmpty();
    }

    @Test
    void waitDoublesWithEveryFurtherWrongPasswordUpToFifteenMinutes() {
        Instant time = at(0);
        for (int failure = 1; failure <= 4; failure++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, time);
        }
        List<Duration> waits = new ArrayList<>();
        for (int failure = 5; failure <= 10; failure++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, time);
            Instant until = waitUntil("admin", STRANGER, time.plusMillis(1)).orElseThrow();
            waits.add(Duration.between(time, until));
            time = until;
            assertThat(waitUntil("admin", STRANGER, time)).as("free again when the wait is over").isEmpty();
        }

        assertThat(waits).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
    }

    @Test
    void addressWithTwentyWrongPasswordsWaitsForEveryUsername() {
        for (int second = 0; second < 19; second++) {
            record("guess." + second, STRANGER, LoginOutcome.FAILURE, at(second));
        }
        assertThat(waitUntil("admin", STRANGER, at(19))).isEmpty();

        record("guess.19", STRANGER, LoginOutcome.FAILURE, at(19));

        assertThat(waitUntil("admin", STRANGER, at(20))).contains(at(19).plus(Duration.ofMinutes(1)));
        assertThat(waitUntil("admin", OFFICE, at(20))).isEmpty();
    }

    @Test
    void successFromTheAddressStartsItsCountForThatUsernameAgainButNotItsCountForAllUsernames() {
        for (int second = 0; second < 4; second++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, at(second));
        }
        for (int second = 4; second < 19; second++) {
            record("guess." + second, STRANGER, LoginOutcome.FAILURE, at(second));
        }
        record("admin", STRANGER, LoginOutcome.SUCCESS, at(19));
        record("admin", STRANGER, LoginOutcome.FAILURE, at(20));

        assertThat(waitUntil("admin", STRANGER, at(21))).as("address count: 20").isPresent();
        assertThat(throttle.waitUntil(STRANGER, usernameRows("admin", at(21)), List.of(), at(21)))
                .as("username count: 1").isEmpty();
    }

    @Test
    void wrongCurrentPasswordsCountLikeWrongPasswordsAtLogin() {
        for (int second = 0; second < 3; second++) {
            record("xa.yenphu", OFFICE, LoginOutcome.FAILURE, at(second));
        }
        record("xa.yenphu", OFFICE, LoginOutcome.WRONG_CURRENT, at(3));
        record("xa.yenphu", OFFICE, LoginOutcome.WRONG_CURRENT, at(4));

        assertThat(waitUntil("xa.yenphu", OFFICE, at(5))).isPresent();
    }

    @Test
    void releaseStartsTheCountsOfItsUsernameEverywhereAndOfItsAddressAgain() {
        for (int second = 0; second < 20; second++) {
            record(second < 5 ? "admin" : "guess." + second, STRANGER, LoginOutcome.FAILURE, at(second));
        }
        assertThat(waitUntil("admin", STRANGER, at(21))).isPresent();

        record("admin", null, LoginOutcome.RELEASE, at(21));
        assertThat(throttle.waitUntil(STRANGER, usernameRows("admin", at(22)), List.of(), at(22))).isEmpty();
        assertThat(waitUntil("admin", STRANGER, at(22))).as("the address still waits").isPresent();

        record("admin", STRANGER, LoginOutcome.RELEASE, at(22));
        assertThat(waitUntil("admin", STRANGER, at(23))).isEmpty();
        assertThat(waitUntil("guess.7", STRANGER, at(23))).isEmpty();
    }

    /**
     * An address's release (no username) lets every username in from it again: one who also typed their own password
     * wrong five times there was still held by their own count.
     */
    @Test
    void anAddressReleaseStartsItsUsernamesCountsThereAgain() {
        for (int second = 0; second < 20; second++) {
            record(second < 6 ? "xa.mot" : "guess." + second, STRANGER, LoginOutcome.FAILURE, at(second));
        }
        assertThat(waitUntil("xa.mot", STRANGER, at(21))).isPresent();

        record("", STRANGER, LoginOutcome.RELEASE, at(21));
        assertThat(waitUntil("xa.mot", STRANGER, at(22))).isEmpty();
        assertThat(waitUntil("guess.9", STRANGER, at(22))).isEmpty();
    }

    @Test
    void wrongPasswordsOlderThanTheWindowDoNotCount() {
        for (int second = 0; second < 4; second++) {
            record("admin", STRANGER, LoginOutcome.FAILURE, at(second));
        }
        Instant later = at(0).plus(Duration.ofHours(1));
        record("admin", STRANGER, LoginOutcome.FAILURE, later);

        assertThat(waitUntil("admin", STRANGER, later.plusSeconds(1))).isEmpty();
    }

    private void record(String username, String clientIp, LoginOutcome outcome, Instant time) {
        history.add(new LoginAttempt(username, clientIp, outcome, time));
    }

    /** What LoginAttempts reads: the rows of the window for the username, and for the address. */
    private Optional<Instant> waitUntil(String username, String clientIp, Instant now) {
        List<LoginAttempt> forAddress = history.stream()
                .filter(attempt -> Objects.equals(attempt.getClientIp(), clientIp)
                        && LoginThrottle.ADDRESS_OUTCOMES.contains(attempt.getOutcome()))
                .filter(attempt -> attempt.getAttemptedAt().isAfter(now.minus(throttle.window()))).toList();
        return throttle.waitUntil(clientIp, usernameRows(username, now), forAddress, now);
    }

    private List<LoginAttempt> usernameRows(String username, Instant now) {
        return history.stream().filter(attempt -> attempt.getUsernameKey().equals(LoginAttempt.keyOf(username)))
                .filter(attempt -> attempt.getAttemptedAt().isAfter(now.minus(throttle.window()))).toList();
    }

    private static Instant at(int second) {
        return START.plusSeconds(second);
    }
}
