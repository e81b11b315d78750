package org.communedx.model.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/** Append-only: attempts are recorded and read, never changed or deleted. */
public interface LoginAttemptRepository extends Repository<LoginAttempt, Long> {

    LoginAttempt save(LoginAttempt attempt);

    List<LoginAttempt> findByUsernameKeyAndAttemptedAtAfterOrderByAttemptedAtAsc(String usernameKey, Instant since);

    List<LoginAttempt> findByClientIpAndOutcomeInAndAttemptedAtAfterOrderByAttemptedAtAsc(String clientIp,
            Collection<LoginOutcome> outcomes, Instant since);
}
