package org.communedx.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginOutcome;

/**
 * Five failed logins for one username within 15 minutes lock that username for 15 minutes, whether or not such
 * an account exists. A success starts the count again. Decided from the recorded attempts alone, so the rule
 * holds across restarts and across several application instances.
 */
final class Lockout {

    static final int MAX_FAILURES = 5;

    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    /** How far back the attempts that matter go. */
    static final Duration LOOK_BACK = FAILURE_WINDOW.compareTo(LOCK_DURATION) > 0 ? FAILURE_WINDOW : LOCK_DURATION;

    private Lockout() {
    }

    /** @param attempts the username's attempts since {@code now - LOOK_BACK}, oldest first */
    static boolean isLocked(List<LoginAttempt> attempts, Instant now) {
        return attempts.stream().anyMatch(attempt -> attempt.getOutcome() == LoginOutcome.LOCKOUT
                && attempt.getAttemptedAt().isAfter(now.minus(LOCK_DURATION)));
    }

    /** What one more failure is: the one that locks the username, or an ordinary failure. */
    static LoginOutcome failure(List<LoginAttempt> attempts, Instant now) {
        if (isLocked(attempts, now)) {
            return LoginOutcome.LOCKED;
        }
        long failures = 0;
        for (LoginAttempt attempt : attempts) {
            if (attempt.getOutcome() == LoginOutcome.SUCCESS || attempt.getOutcome() == LoginOutcome.LOCKOUT) {
                failures = 0;
            }
            else if (attempt.getOutcome() == LoginOutcome.FAILURE
                    && attempt.getAttemptedAt().isAfter(now.minus(FAILURE_WINDOW))) {
                failures++;
            }
        }
        return failures + 1 >= MAX_FAILURES ? LoginOutcome.LOCKOUT : LoginOutcome.FAILURE;
    }
}
