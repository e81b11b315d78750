package org.communedx.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginOutcome;
import org.communedx.service.CommuneDxProperties;

/**
 * Wrong passwords make their sender wait, never the account's owner elsewhere: a stranger who keeps guessing the
 * administrator's password from one address cannot stop the administrator from logging in from another.
 * <ul>
 * <li>A client address that gave {@code failuresPerUsername} wrong passwords for one username within the window waits
 * {@code firstDelay} after the last of them before it may try that username again, twice as long after the next
 * wrong one, and so on up to {@code maxDelay}. A success from that address, or a release, starts the count again.
 * <li>A client address that gave {@code failuresPerAddress} wrong passwords within the window, for any usernames,
 * waits in the same way for every username; only a release starts that count again, as an attacker could otherwise
 * reset it by logging in to an account of their own.
 * <li>A release of an address (an administrator's, for an office behind one address) starts both counts of that
 * address again, for every username.
 * </ul>
 * Decided from the recorded attempts alone, so the rule holds across restarts. A refused attempt is not recorded: a
 * flood of them neither grows the table nor changes how long the wait is.
 */
final class LoginThrottle {

    /** The outcomes that the address count reads: the wrong passwords and what starts it again. */
    static final List<LoginOutcome> ADDRESS_OUTCOMES = List.of(LoginOutcome.FAILURE, LoginOutcome.LOCKOUT,
            LoginOutcome.WRONG_CURRENT, LoginOutcome.RELEASE);

    private final CommuneDxProperties.Login settings;

    LoginThrottle(CommuneDxProperties.Login settings) {
        this.settings = settings;
    }

    Duration window() {
        return settings.window();
    }

    /** Wrong passwords from one address, for any usernames, that make it wait for every username. */
    int failuresPerAddress() {
        return settings.failuresPerAddress();
    }

    /**
     * @param clientIp the client address, as {@link LoginAttempt#addressOf} stores it
     * @param usernameAttempts the username's attempts within the window, oldest first
     * @param addressAttempts the address's attempts within the window with one of {@link #ADDRESS_OUTCOMES}, oldest
     *     first
     * @return until when that address must wait before it may try that username again, if it must
     */
    Optional<Instant> waitUntil(String clientIp, List<LoginAttempt> usernameAttempts,
            List<LoginAttempt> addressAttempts, Instant now) {
        Instant addressReleased = clientIp == null ? null : addressAttempts.stream()
                .filter(attempt -> attempt.getOutcome() == LoginOutcome.RELEASE).map(LoginAttempt::getAttemptedAt)
                .max(Comparator.naturalOrder()).orElse(null);
        Count fromAddress = new Count();
        for (LoginAttempt attempt : usernameAttempts) {
            if (addressReleased != null && !attempt.getAttemptedAt().isAfter(addressReleased)) {
                continue;
            }
            if (attempt.getOutcome() == LoginOutcome.RELEASE || attempt.getOutcome() == LoginOutcome.SUCCESS
                    && Objects.equals(attempt.getClientIp(), clientIp)) {
                fromAddress = new Count();
            }
            else if (attempt.getOutcome().isFailure() && Objects.equals(attempt.getClientIp(), clientIp)) {
                fromAddress.add(attempt, now);
            }
        }
        Count anyUsername = new Count();
        if (clientIp != null) {
            for (LoginAttempt attempt : addressAttempts) {
                if (attempt.getOutcome() == LoginOutcome.RELEASE) {
                    anyUsername = new Count();
                }
                else if (attempt.getOutcome().isFailure()) {
                    anyUsername.add(attempt, now);
                }
            }
        }
        return Stream.of(fromAddress.waitUntil(settings.failuresPerUsername()),
                        anyUsername.waitUntil(settings.failuresPerAddress()))
                .flatMap(Optional::stream).max(Comparator.naturalOrder()).filter(until -> until.isAfter(now));
    }

    /** The wait after {@code failures} wrong passwords: none below the limit, then doubling up to the longest. */
    Duration delay(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(failures - limit, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private final class Count {

        private int failures;

        private Instant last;

        void add(LoginAttempt failure, Instant now) {
            if (failure.getAttemptedAt().isAfter(now.minus(settings.window()))) {
                failures++;
                last = failure.getAttemptedAt();
            }
        }

        Optional<Instant> waitUntil(int limit) {
            Duration delay = delay(failures, limit);
            return delay.isZero() ? Optional.empty() : Optional.of(last.plus(delay));
        }
    }
}
