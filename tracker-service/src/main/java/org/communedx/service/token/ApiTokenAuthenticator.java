package org.communedx.service.token;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.communedx.model.token.ApiTokenRepository;
import org.communedx.model.user.Role;
import org.communedx.service.scope.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a presented token on every API request, against the database each time: one primary-key lookup of its row
 * (with its issuer's account), so that a revocation, an expiry, a disabled or a demoted issuer holds at the very next
 * request on every instance. Nothing is kept in memory that could outlive a revocation; the one thing kept, the scope
 * of the issuer's role and unit ({@link Scopes#kept}), is kept only until the data changes.
 * <p>
 * A token whose issuer's account is disabled (or gone) is refused for as long as it stays so: a person who left takes
 * the tokens they issued with them, and enabling the account again gives them back, as it gives back the person's own
 * login. So is one whose issuer could no longer issue it ({@link ApiTokens#mayIssue}, the rule that let them issue
 * it): a provincial manager made a district official, or moved to another province, takes the province's tokens with
 * them, and gets them back only if made its manager again. Revoke them to end them for good.
 */
@Component
public class ApiTokenAuthenticator {

    /** {@code last_used_at} moves at most this often per token: one write a minute, not one per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    private final TransactionTemplate bookkeeping;

    private final Scopes scopes;

    private final Clock clock;

    /**
     * The last-used time is written in a short transaction of its own through a plain JDBC transaction manager, which
     * is not a bean and so carries none of the application's listeners, as ShedLock's locks are
     * (ScheduledWorkConfiguration): it is no change of the data, and must not move the DataRevision, or every API call
     * would start every user's kept pages afresh.
     */
    ApiTokenAuthenticator(DataSource dataSource, Scopes scopes, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.bookkeeping = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * The principal the token acts as, or empty when it is malformed, unknown, wrong, expired or revoked, or its
     * issuer is disabled or may no longer issue it: every refusal looks the same to the caller.
     */
    public Optional<ApiTokenPrincipal> authenticate(String presented) {
        TokenSecrets.Presented token = TokenSecrets.parse(presented);
        if (token == null) {
            return Optional.empty();
        }
        Optional<Stored> stored = jdbc.sql("""
                select t.name, t.secret_hash, t.role, t.unit_code, %s as unit_id, t.expires_at, t.last_used_at,
                    t.revoked_at, coalesce(u.enabled, false) as issuer_enabled, u.role as issuer_role,
                    u.unit_code as issuer_unit
                from api_token t left join user_account u on lower(u.username) = lower(t.created_by)
                where t.id = :id""".formatted(ApiTokenRepository.UNIT_ID))
                .param("id", token.id()).param("today", LocalDate.now(clock))
                .query((rs, row) -> new Stored(rs.getString("name"), rs.getBytes("secret_hash"),
                        Role.valueOf(rs.getString("role")), rs.getString("unit_code"),
                        rs.getObject("unit_id", Long.class), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), rs.getTimestamp("revoked_at") != null,
                        rs.getBoolean("issuer_enabled"),
                        rs.getString("issuer_role") == null ? null : Role.valueOf(rs.getString("issuer_role")),
                        rs.getString("issuer_unit")))
                .optional();
        // The hash is compared even for a row that is refused anyway, so that its cost says nothing either.
        if (stored.isEmpty() || !TokenSecrets.matches(token.secret(), stored.get().secretHash())) {
            return Optional.empty();
        }
        Stored row = stored.get();
        Instant now = clock.instant();
        if (row.revoked() || !now.isBefore(row.expiresAt()) || !row.issuerEnabled() || !issuerMayStillIssue(row)) {
            return Optional.empty();
        }
        if (row.lastUsedAt() == null || !row.lastUsedAt().isAfter(now.minus(LAST_USED_PRECISION))) {
            touch(token.id(), now);
        }
        return Optional.of(new ApiTokenPrincipal(token.id(), row.name(), row.role(), row.unitCode()));
    }

    /** Conditional, so that instances racing for the same minute write once between them. */
    private void touch(long id, Instant now) {
        bookkeeping.executeWithoutResult(status -> jdbc.sql("""
                update api_token set last_used_at = :now
                where id = :id and (last_used_at is null or last_used_at <= :since)""")
                .param("now", Timestamp.from(now)).param("id", id)
                .param("since", Timestamp.from(now.minus(LAST_USED_PRECISION))).update());
    }

    /** Whether the issuer, with the role and unit their account has now, could issue the token today. */
    private boolean issuerMayStillIssue(Stored row) {
        return ApiTokens.mayIssue(row.issuerRole(), scopes.kept(row.issuerRole(), row.issuerUnit()), row.role(),
                row.unitId());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Stored(String name, byte[] secretHash, Role role, String unitCode, Long unitId, Instant expiresAt,
            Instant lastUsedAt, boolean revoked, boolean issuerEnabled, Role issuerRole, String issuerUnit) {
    }
}
