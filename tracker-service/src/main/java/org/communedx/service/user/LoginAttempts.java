package org.communedx.service.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.communedx.model.user.LoginAttempt;
import org.communedx.model.user.LoginAttemptRepository;
import org.communedx.model.user.LoginOutcome;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.revision.DataRevision;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every password check, at login (form or HTTP Basic) and at a password change, and applies the
 * {@link LoginThrottle} to them.
 */
@Service
@Transactional(readOnly = true)
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginAttemptRepository attempts;

    private final UserAccountRepository accounts;

    private final Clock clock;

    private final DataRevision revision;

    private final LoginThrottle throttle;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    LoginAttempts(LoginAttemptRepository attempts, UserAccountRepository accounts, Clock clock, DataRevision revision,
            CommuneDxProperties properties, JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.attempts = attempts;
        this.accounts = accounts;
        this.clock = clock;
        this.revision = revision;
        this.throttle = new LoginThrottle(properties.login());
    }

    /**
     * Call before checking the password: it throws when the client address must still wait for this username.
     *
     * @throws TooManyAttempts when the address must wait; nothing is recorded then
     */
    public void requireAllowed(String username, String clientIp) {
        Instant now = clock.instant();
        String address = LoginAttempt.addressOf(clientIp);
        throttle.waitUntil(address, forUsername(username, now), forAddress(address, now), now).ifPresent(until -> {
            throw new TooManyAttempts(Duration.between(now, until));
        });
    }

    /**
     * A username whose wrong passwords made someone wait within the current window, and no release since.
     * @param accountId the account of that name, or null when none exists (someone guessing usernames)
     * @param displayName the account's display name, or null when none exists
     * @param failures the wrong passwords for it within the window, from every address
     */
    public record ThrottledUsername(String username, Long accountId, String displayName, int failures,
            Instant lastLockout) {
    }

    /** @param total how many usernames are throttled, of which {@code usernames} holds the most recent */
    public record Throttled(List<ThrottledUsername> usernames, long total) {
    }

    /**
     * The usernames whose wrong passwords made their sender wait ({@code LOCKOUT}) within the window and that no
     * operator released since, most recent first, at most {@code limit}: what an administrator may have to look into.
     * For administrators only. One SQL query over the window's attempts.
     */
    public Throttled throttled(int limit) {
        Actors.requireAnyRole("Only administrators see locked-out accounts", "ADMIN");
        return throttled(null, limit);
    }

    /** {@link #throttled(int)}, of one username's key or of all. */
    private Throttled throttled(@Nullable String usernameKey, int limit) {
        Instant since = clock.instant().minus(throttle.window());
        List<Counted> rows = jdbc.sql("""
                with recent as (
                    select username_key,
                        max(attempted_at) filter (where outcome = 'LOCKOUT') as last_lockout,
                        max(attempted_at) filter (where outcome = 'RELEASE') as last_release,
                        count(*) filter (where outcome in ('FAILURE', 'LOCKOUT', 'WRONG_CURRENT')) as failures,
                        min(username) as typed
                    from login_attempt
                    where attempted_at > :since and (cast(:key as text) is null or username_key = :key)
                    group by username_key
                )
                select r.username_key, r.typed, r.last_lockout, r.failures, u.id, u.username, u.display_name,
                    count(*) over () as total
                from recent r left join user_account u on lower(u.username) = r.username_key
                where r.last_lockout is not null and (r.last_release is null or r.last_release < r.last_lockout)
                order by r.last_lockout desc, r.username_key
                limit :limit""").param("since", Timestamp.from(since)).param("key", usernameKey).param("limit", limit)
                .query((rs, row) -> new Counted(new ThrottledUsername(
                        rs.getString("username") != null ? rs.getString("username") : rs.getString("typed"),
                        rs.getObject("id", Long.class), rs.getString("display_name"), rs.getInt("failures"),
                        rs.getTimestamp("last_lockout").toInstant()), rs.getLong("total"))).list();
        return new Throttled(rows.stream().map(Counted::username).toList(),
                rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Counted(ThrottledUsername username, long total) {
    }

    /**
     * Lets a username that wrong passwords held back try again at once, from every address: the wrong passwords
     * before now no longer count for it, as the README's SQL release does, without a console on the server (a commune
     * that calls in locked out). For administrators; audited, and kept in the login audit as a {@code RELEASE}.
     * @return false, with nothing written, when the username is not held back ({@link #throttled(int)}'s rule)
     */
    @Transactional
    public boolean release(String username) {
        Actors.requireAnyRole("Only administrators release a username held back", "ADMIN");
        if (username == null || username.isBlank() || throttled(LoginAttempt.keyOf(username), 1).total() == 0) {
            return false;
        }
        // Recorded by the release row's id: a username held back may be anything a stranger typed, up to 100
        // characters, longer than an audit event's id.
        LoginAttempt release = attempts.save(new LoginAttempt(username, null, LoginOutcome.RELEASE, clock.instant()));
        audit.record(LoginAttemptRetention.AUDIT_TYPE, release.getId(), "RELEASE", null,
                Map.of("username", release.getUsername()));
        return true;
    }

    /**
     * A client address whose wrong passwords, for any usernames, reached the limit that makes it wait for every
     * username ({@link LoginThrottle}), within the current window and with no release of it since: an office whose
     * staff share one address is held back as a whole, which releasing their usernames does not end.
     * @param usernames how many usernames those wrong passwords were for
     */
    public record HeldAddress(String address, int failures, int usernames, Instant lastFailure) {
    }

    /** The held addresses, most recent first, at most {@code limit}. For administrators only; one SQL query. */
    public List<HeldAddress> heldAddresses(int limit) {
        Actors.requireAnyRole("Only administrators see addresses held back", "ADMIN");
        return heldAddresses(null, limit);
    }

    private List<HeldAddress> heldAddresses(@Nullable String address, int limit) {
        return jdbc.sql("""
                with released as (
                    select client_ip, max(attempted_at) as released_at
                    from login_attempt
                    where attempted_at > :since and outcome = 'RELEASE' and client_ip is not null
                    group by client_ip
                )
                select a.client_ip, count(*) as failures, count(distinct a.username_key) as usernames,
                    max(a.attempted_at) as last_failure
                from login_attempt a left join released r on r.client_ip = a.client_ip
                where a.attempted_at > :since and a.outcome in ('FAILURE', 'LOCKOUT', 'WRONG_CURRENT')
                    and a.client_ip is not null and (cast(:address as text) is null or a.client_ip = :address)
                    and (r.released_at is null or a.attempted_at > r.released_at)
                group by a.client_ip
                having count(*) >= :limitPerAddress
                order by last_failure desc, a.client_ip
                limit :limit""").param("since", Timestamp.from(clock.instant().minus(throttle.window())))
                .param("address", address).param("limitPerAddress", throttle.failuresPerAddress())
                .param("limit", limit)
                .query((rs, row) -> new HeldAddress(rs.getString("client_ip"), rs.getInt("failures"),
                        rs.getInt("usernames"), rs.getTimestamp("last_failure").toInstant())).list();
    }

    /**
     * Lets a client address that wrong passwords for many usernames held back try every username again at once, as
     * the README's SQL release with an address does. For administrators; audited, and kept in the login audit as a
     * {@code RELEASE} of that address (with no username).
     * @return false, with nothing written, when the address is not held back ({@link #heldAddresses(int)}'s rule)
     */
    @Transactional
    public boolean releaseAddress(String address) {
        Actors.requireAnyRole("Only administrators release an address held back", "ADMIN");
        String stored = LoginAttempt.addressOf(address == null ? null : address.strip());
        if (stored == null || stored.isEmpty() || heldAddresses(stored, 1).isEmpty()) {
            return false;
        }
        LoginAttempt release = attempts.save(new LoginAttempt("", stored, LoginOutcome.RELEASE, clock.instant()));
        audit.record(LoginAttemptRetention.AUDIT_TYPE, release.getId(), "RELEASE", null,
                Map.of("address", release.getClientIp()));
        return true;
    }

    /** In a transaction of its own, so that leaving the data revision unmoved can never hide another write. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String clientIp) {
        revision.excludeCurrentTransaction();
        Instant now = clock.instant();
        attempts.save(new LoginAttempt(username, clientIp, LoginOutcome.SUCCESS, now));
        accounts.recordLogin(username.strip(), now);
    }

    /**
     * Whether wrong passwords for this username from this address count towards the throttle now, with no success or
     * release after them: HTTP Basic records its success ({@link #succeeded}) only then, so that a script's every call
     * writes no row while a success after a typo still clears the count, as a login does.
     */
    public boolean failuresPending(String username, String clientIp) {
        String address = LoginAttempt.addressOf(clientIp);
        boolean pending = false;
        for (LoginAttempt attempt : forUsername(username, clock.instant())) {
            if (attempt.getOutcome() == LoginOutcome.RELEASE || attempt.getOutcome() == LoginOutcome.SUCCESS
                    && Objects.equals(attempt.getClientIp(), address)) {
                pending = false;
            }
            else if (attempt.getOutcome().isFailure() && Objects.equals(attempt.getClientIp(), address)) {
                pending = true;
            }
        }
        return pending;
    }

    /** Records a wrong password at login. In a transaction of its own, as {@link #succeeded}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String clientIp) {
        record(username, clientIp, false);
    }

    /**
     * Records a wrong current password at a password change. In a transaction of its own, which stays when the
     * change rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void currentPasswordFailed(String username, String clientIp) {
        record(username, clientIp, true);
    }

    /**
     * A failure that makes its sender wait for this username, at the login page or at the password form, is recorded
     * as the {@code LOCKOUT}, for the audit's reader and the administrator's list of usernames held back (a username
     * held by the form's guesses was missing there, and could not be let in again); one that makes the address wait
     * for every username is a plain failure there, and the address is listed instead ({@link #heldAddresses}): a
     * stranger's guess that happened to be the address's twentieth is no username of theirs held back.
     */
    private void record(String username, String clientIp, boolean currentPassword) {
        revision.excludeCurrentTransaction();
        Instant now = clock.instant();
        String address = LoginAttempt.addressOf(clientIp);
        LoginAttempt failure = new LoginAttempt(username, clientIp,
                currentPassword ? LoginOutcome.WRONG_CURRENT : LoginOutcome.FAILURE, now);
        List<LoginAttempt> forUsername = new ArrayList<>(forUsername(username, now));
        forUsername.add(failure);
        List<LoginAttempt> forAddress = new ArrayList<>(forAddress(address, now));
        forAddress.add(failure);
        Optional<Instant> until = throttle.waitUntil(address, forUsername, forAddress, now);
        boolean usernameHeld = throttle.waitUntil(address, forUsername, forAddress.stream()
                .filter(attempt -> attempt.getOutcome() == LoginOutcome.RELEASE).toList(), now).isPresent();
        attempts.save(usernameHeld ? new LoginAttempt(username, clientIp, LoginOutcome.LOCKOUT, now) : failure);
        until.ifPresent(time -> log.warn("Wrong passwords for '{}' from {}: that address waits until {}",
                failure.getUsernameKey(), failure.getClientIp(), time));
    }

    private List<LoginAttempt> forUsername(String username, Instant now) {
        return attempts.findByUsernameKeyAndAttemptedAtAfterOrderByAttemptedAtAsc(LoginAttempt.keyOf(username),
                now.minus(throttle.window()));
    }

    private List<LoginAttempt> forAddress(String address, Instant now) {
        return address == null ? List.of()
                : attempts.findByClientIpAndOutcomeInAndAttemptedAtAfterOrderByAttemptedAtAsc(address,
                        LoginThrottle.ADDRESS_OUTCOMES, now.minus(throttle.window()));
    }
}
