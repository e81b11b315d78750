package org.communedx.service.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.token.ApiToken;
import org.communedx.model.token.ApiTokenRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, listing and revoking API tokens. An administrator issues any role at any unit. A provincial manager issues
 * only roles not above their own (provincial manager, district official, commune staff, viewer) at units of their own
 * province, and sees and revokes only the tokens at those units; any other token is, for them, one that does not
 * exist. Every issue and revocation is in the audit trail, never the secret.
 * <p>
 * That rule, {@link #mayIssue}, holds for as long as a token lives: {@link ApiTokenAuthenticator} asks it again at
 * every use, of the issuer as they are then, so a token stops working once its issuer could no longer issue it.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    public static final String AUDIT_TYPE = "API_TOKEN";

    /** How long a token lasts unless the issuer says otherwise. */
    public static final int DEFAULT_VALID_DAYS = 90;

    /** The longest a token may last: a year, after which its holder asks for a new one. */
    public static final int MAX_VALID_DAYS = 365;

    static final int PAGE_SIZE = 50;

    private static final Set<Role> GRANTED_BY_MANAGERS = EnumSet.of(Role.PROVINCE_MANAGER, Role.DISTRICT_OFFICIAL,
            Role.COMMUNE_STAFF, Role.VIEWER);

    private final ApiTokenRepository tokens;

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final AuditLog audit;

    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AdministrativeUnitRepository units, Scopes scopes, AuditLog audit,
            Clock clock) {
        this.tokens = tokens;
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an issuer asks for; an administrator's token has no {@code unitCode}. */
    public record NewToken(String name, Role role, String unitCode, int validDays) {
    }

    /** The token, whole, as it is shown once; nothing can show it again. */
    public record IssuedToken(long id, String name, String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", name=" + name + "]";
        }
    }

    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    public record TokenRow(long id, String name, Role role, String unitCode, String createdBy, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy, Status status) {

        /** The token as its list shows it, the secret left out: "cdx_12_…", so that its holder can tell which it is. */
        public String withoutSecret() {
            return TokenSecrets.token(id, "…");
        }
    }

    public record TokenPage(List<TokenRow> rows, int page, int totalPages, long total) {
    }

    /** The roles the caller may give a token, in the order of {@link Role}. */
    public List<Role> grantableRoles() {
        Role actor = actorRole();
        return List.of(Role.values()).stream().filter(role -> mayGrant(actor, role)).toList();
    }

    /**
     * @throws TokenRefused when the name, role, unit or validity is not one the caller may give; nothing is saved
     */
    @Transactional
    public IssuedToken issue(NewToken request) {
        Role actor = actorRole();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new TokenRefused("name", "apiTokens.problem.nameMissing");
        }
        if (name.length() > ApiToken.MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new TokenRefused("name", "apiTokens.problem.nameTooLong", ApiToken.MAX_NAME);
        }
        if (request.role() == null) {
            throw new TokenRefused("role", "apiTokens.problem.roleRequired");
        }
        if (!mayGrant(actor, request.role())) {
            throw new TokenRefused("role", "apiTokens.problem.roleNotAllowed");
        }
        String unitCode = request.role() == Role.ADMIN ? noUnit(request.unitCode())
                : checkedUnit(actor, request.role(), request.unitCode());
        if (request.validDays() < 1 || request.validDays() > MAX_VALID_DAYS) {
            throw new TokenRefused("validDays", "apiTokens.problem.validDays", MAX_VALID_DAYS);
        }
        Instant now = clock.instant();
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.saveAndFlush(new ApiToken(name, TokenSecrets.hash(secret), request.role(), unitCode,
                Actors.username(), now, now.plus(Duration.ofDays(request.validDays()))));
        audit.record(AUDIT_TYPE, token.getId(), "ISSUE", null, snapshot(token));
        return new IssuedToken(token.getId(), name, TokenSecrets.token(token.getId(), secret), token.getExpiresAt());
    }

    /** The tokens the caller may see, newest first, {@value #PAGE_SIZE} a page. */
    public TokenPage list(int page) {
        actorRole();
        UnitScope scope = scopes.current();
        // An empty IN list is not valid JPQL everywhere: a list that matches nothing stands in for it.
        Set<String> codes = scope.everything() || scope.unitCodes().isEmpty() ? Set.of("") : scope.unitCodes();
        Page<ApiToken> found = tokens.findVisible(scope.everything(), codes,
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Order.desc("createdAt"),
                        Sort.Order.desc("id"))));
        Instant now = clock.instant();
        return new TokenPage(found.getContent().stream().map(token -> row(token, now)).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    /** @throws TokenNotFoundException when there is none, or the caller may not see it */
    public TokenRow token(long id) {
        return row(visible(id), clock.instant());
    }

    /**
     * Revokes it at once: the next request that presents it, through any instance, is refused, since every request
     * reads the token's row.
     *
     * @throws TokenNotFoundException when there is none, or the caller may not see it
     * @throws org.communedx.model.RuleViolation when it is revoked already
     */
    @Transactional
    public void revoke(long id) {
        ApiToken token = visible(id);
        Map<String, Object> before = snapshot(token);
        token.revoke(Actors.username(), clock.instant());
        audit.record(AUDIT_TYPE, id, "REVOKE", before, snapshot(token));
    }

    private ApiToken visible(long id) {
        actorRole();
        UnitScope scope = scopes.current();
        return tokens.findById(id)
                .filter(token -> scope.everything() || token.getUnitCode() != null && scope.includes(token.getUnitCode()))
                .orElseThrow(() -> new TokenNotFoundException(id));
    }

    /** An administrator or a provincial manager, from the security context; anyone else is refused. */
    private static Role actorRole() {
        if (Actors.hasAnyRole("ADMIN")) {
            return Role.ADMIN;
        }
        if (Actors.hasAnyRole("PROVINCE_MANAGER")) {
            return Role.PROVINCE_MANAGER;
        }
        throw new AccessDeniedException("Only administrators and provincial managers issue API tokens");
    }

    /**
     * The issuing rule, the one place it is decided: whether someone of the role {@code issuer}, whose scope is
     * {@code issuerScope}, may give a token {@code granted} at {@code unitCode} (null for an administrator's token). An
     * administrator may give any; a provincial manager, a role not above their own at a unit within their scope (their
     * province); nobody else, any. Asked when a token is issued, of the caller, and at every use of the token
     * (ApiTokenAuthenticator), of its issuer's account as it is then.
     */
    static boolean mayIssue(Role issuer, UnitScope issuerScope, Role granted, String unitCode) {
        return mayGrant(issuer, granted)
                && (granted == Role.ADMIN || unitCode != null && issuerScope.includes(unitCode));
    }

    /** {@link #mayIssue}'s part about the role alone: what the form offers, and its first check. */
    private static boolean mayGrant(Role issuer, Role granted) {
        return issuer == Role.ADMIN || issuer == Role.PROVINCE_MANAGER && GRANTED_BY_MANAGERS.contains(granted);
    }

    /**
     * A unit that exists today, that the caller may issue the role at ({@link #mayIssue}) and that is of a level the
     * role belongs to. One outside the caller's scope is refused exactly as an unknown one.
     */
    /** An administrator's token reaches everything, so a unit typed for it is a mistake to say, not to drop. */
    private static String noUnit(String unitCode) {
        if (unitCode != null && !unitCode.isBlank()) {
            throw new TokenRefused("unitCode", "apiTokens.problem.unitForAdmin");
        }
        return null;
    }

    private String checkedUnit(Role actor, Role role, String unitCode) {
        String code = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (code == null) {
            throw new TokenRefused("unitCode", "apiTokens.problem.unitRequired");
        }
        UnitScope scope = scopes.current();
        Optional<AdministrativeUnit> unit = code.length() <= 10 && mayIssue(actor, scope, role, code)
                ? units.findByCodeValidOn(code, LocalDate.now(clock)).filter(scope::includes)
                : Optional.empty();
        if (unit.isEmpty()) {
            LocalDate today = LocalDate.now(clock);
            Optional<AdministrativeUnit> ended = code.length() <= 10 && mayIssue(actor, scope, role, code)
                    ? units.findEndedBefore(code, today).filter(scope::includes) : Optional.empty();
            throw ended.map(last -> new TokenRefused("unitCode", "apiTokens.problem.unitEnded", code, last.getName(),
                    last.getValidTo())).orElseGet(() -> new TokenRefused("unitCode", "apiTokens.problem.unitUnknown",
                    code));
        }
        if (!role.fits(unit.get().getLevel())) {
            throw new TokenRefused("unitCode", "apiTokens.problem.unitLevel", code);
        }
        return unit.get().getCode();
    }

    private static TokenRow row(ApiToken token, Instant now) {
        Status status = token.isRevoked() ? Status.REVOKED : token.isExpiredAt(now) ? Status.EXPIRED : Status.ACTIVE;
        return new TokenRow(token.getId(), token.getName(), token.getRole(), token.getUnitCode(), token.getCreatedBy(),
                token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt(),
                token.getRevokedBy(), status);
    }

    /** What the audit trail keeps of a token: everything but its hash. */
    private static Map<String, Object> snapshot(ApiToken token) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", token.getName());
        snapshot.put("role", token.getRole().name());
        snapshot.put("unitCode", token.getUnitCode());
        snapshot.put("expiresAt", token.getExpiresAt().toString());
        if (token.getRevokedAt() != null) {
            snapshot.put("revokedAt", token.getRevokedAt().toString());
        }
        return snapshot;
    }
}
