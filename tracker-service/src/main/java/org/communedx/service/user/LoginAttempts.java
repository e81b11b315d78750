package org.communedx.service.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginAttemptRepository;
import org.communedx.model.user.LoginOutcome;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.revision.DataRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records every login attempt, form or HTTP Basic, and applies the {@link Lockout} rule. */
@Service
@Transactional(readOnly = true)
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginAttemptRepository attempts;

    private final UserAccountRepository accounts;

    private final Clock clock;

    private final DataRevision revision;

    LoginAttempts(LoginAttemptRepository attempts, UserAccountRepository accounts, Clock clock,
            DataRevision revision) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.clock = clock;
        this.revision = revision;
    }

    /** Whether the username is locked now: even the right password is then refused. */
    public boolean isLocked(String username) {
        Instant now = clock.instant();
        return Lockout.isLocked(recent(username, now), now);
    }

    /** In a transaction of its own, so that leaving the data revision unmoved can never hide another write. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String clientIp) {
        revision.excludeCurrentTransaction();
        Instant now = clock.instant();
        attempts.save(new LoginAttempt(username, clientIp, LoginOutcome.SUCCESS, now));
        accounts.findByUsername(username.strip()).ifPresent(account -> account.recordLogin(now));
    }

    /**
     * Records a refused attempt and returns how it counted: a failure, the lockout, or refused while locked. In a
     * transaction of its own, as {@link #succeeded}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public LoginOutcome failed(String username, String clientIp) {
        revision.excludeCurrentTransaction();
        Instant now = clock.instant();
        LoginOutcome outcome = Lockout.failure(recent(username, now), now);
        LoginAttempt attempt = attempts.save(new LoginAttempt(username, clientIp, outcome, now));
        if (outcome == LoginOutcome.LOCKOUT) {
            log.warn("Login for '{}' locked for {} after {} failures; the last from {}", attempt.getUsernameKey(),
                    Lockout.LOCK_DURATION, Lockout.MAX_FAILURES, attempt.getClientIp());
        }
        return outcome;
    }

    private List<LoginAttempt> recent(String username, Instant now) {
        return attempts.findByUsernameKeyAndAttemptedAtAfterOrderByAttemptedAtAsc(LoginAttempt.keyOf(username),
                now.minus(Lockout.LOOK_BACK));
    }
}
