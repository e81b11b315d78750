package org.communedx.service.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
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
import org.communedx.service.Pages;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
    /** @param validDays null where the form could read no number; the form says why */
    public record NewToken(String name, Role role, String unitCode, Integer validDays) {
    }

    /** One reason a token may not be issued as asked: the form shows it at {@code field}, in the user's language. */
    public record Problem(String field, String messageKey, List<Object> arguments) {

        static Problem of(String field, String messageKey, Object... arguments) {
            return new Problem(field, messageKey, List.of(arguments));
        }
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

    /** A unit that has ended, by its name and its last day. */
    public record EndedUnit(String name, LocalDate lastDay) {
    }

    /**
     * The issuer's own unit, if it has ended and no unit holds its code today (a province the 2025 reform merged into
     * another): no unit of its scope takes a token any more, so the page says so rather than offer a form that can
     * only be refused. Empty for an administrator, whose scope is the country.
     */
    public Optional<EndedUnit> issuerUnitEnded() {
        LocalDate today = LocalDate.now(clock);
        return scopes.acting().filter(account -> account.role() != Role.ADMIN && account.unitCode() != null)
                .filter(account -> units.findByCodeValidOn(account.unitCode(), today).isEmpty())
                .flatMap(account -> units.findEndedBefore(account.unitCode(), today))
                .map(unit -> new EndedUnit(unit.getName(), unit.getValidTo()));
    }

    /** The roles the caller may give a token, in the order of {@link Role}. */
    public List<Role> grantableRoles() {
        Role actor = actorRole();
        return List.of(Role.values()).stream().filter(role -> mayGrant(actor, role)).toList();
    }

    /**
     * Every reason the token may not be issued as asked, each at its field, all at once: a form that said them one
     * round at a time made the issuer send it again for each.
     */
    public List<Problem> problems(NewToken request) {
        Role actor = actorRole();
        List<Problem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            problems.add(Problem.of("name", "apiTokens.problem.nameMissing"));
        }
        else if (name.length() > ApiToken.MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(Problem.of("name", "apiTokens.problem.nameTooLong", ApiToken.MAX_NAME));
        }
        if (request.role() == null) {
            problems.add(Problem.of("role", "apiTokens.problem.roleRequired"));
        }
        else if (!mayGrant(actor, request.role())) {
            problems.add(Problem.of("role", "apiTokens.problem.roleNotAllowed"));
        }
        else {
            unitProblem(actor, request.role(), request.unitCode()).ifPresent(problems::add);
        }
        if (request.validDays() == null) {
            problems.add(Problem.of("validDays", "apiTokens.problem.validDaysMissing"));
        }
        else if (request.validDays() < 1 || request.validDays() > MAX_VALID_DAYS) {
            problems.add(Problem.of("validDays", "apiTokens.problem.validDays", MAX_VALID_DAYS));
        }
        return problems;
    }

    /**
     * @throws TokenRefused with every problem when the name, role, unit or validity is not one the caller may give;
     *     nothing is saved
     */
    @Transactional
    public IssuedToken issue(NewToken request) {
        List<Problem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new TokenRefused(problems);
        }
        String name = request.name().strip();
        String unitCode = request.role() == Role.ADMIN ? null : request.unitCode().strip();
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
        LocalDate today = LocalDate.now(clock);
        Page<ApiToken> found = Pages.found(page, number -> tokens.findVisible(scope.everything(), unitIds(scope),
                today, PageRequest.of(number, PAGE_SIZE)));
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
        return tokens.findVisible(id, scope.everything(), unitIds(scope), LocalDate.now(clock))
                .orElseThrow(() -> new TokenNotFoundException(id));
    }

    /** An empty IN list is not valid SQL: a list that matches nothing stands in for it. */
    private static Set<Long> unitIds(UnitScope scope) {
        return scope.everything() || scope.unitIds().isEmpty() ? Set.of(-1L) : scope.unitIds();
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
     * {@code issuerScope}, may give a token {@code granted} at the unit {@code unitId} (null for an administrator's
     * token; the unit holding the token's code, see {@link ApiTokenRepository#UNIT_ID}). An
     * administrator may give any; a provincial manager, a role not above their own at a unit within their scope (their
     * province); nobody else, any. Asked when a token is issued, of the caller, and at every use of the token
     * (ApiTokenAuthenticator), of its issuer's account as it is then.
     */
    static boolean mayIssue(Role issuer, UnitScope issuerScope, Role granted, @Nullable Long unitId) {
        return mayGrant(issuer, granted)
                && (granted == Role.ADMIN || unitId != null && issuerScope.includesUnit(unitId));
    }

    /** {@link #mayIssue}'s part about the role alone: what the form offers, and its first check. */
    private static boolean mayGrant(Role issuer, Role granted) {
        return issuer == Role.ADMIN || issuer == Role.PROVINCE_MANAGER && GRANTED_BY_MANAGERS.contains(granted);
    }

    /**
     * What is wrong with the unit typed for a token of the role, if anything. An administrator's token reaches
     * everything, so a unit typed for it is a mistake to say, not to drop. Any other needs a unit that exists today,
     * that the caller may issue the role at ({@link #mayIssue}) and that is of a level the role belongs to; one outside
     * the caller's scope is refused exactly as an unknown one.
     */
    private Optional<Problem> unitProblem(Role actor, Role role, String unitCode) {
        String code = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (role == Role.ADMIN) {
            return code == null ? Optional.empty()
                    : Optional.of(Problem.of("unitCode", "apiTokens.problem.unitForAdmin"));
        }
        if (code == null) {
            return Optional.of(Problem.of("unitCode", "apiTokens.problem.unitRequired"));
        }
        UnitScope scope = scopes.current();
        // The codes first: a code the caller never reaches costs no lookup.
        boolean mayAsk = code.length() <= 10 && scope.includes(code);
        LocalDate today = LocalDate.now(clock);
        Optional<AdministrativeUnit> unit = mayAsk ? units.findByCodeValidOn(code, today)
                .filter(held -> mayIssue(actor, scope, role, held.getId())) : Optional.empty();
        if (unit.isEmpty()) {
            Optional<AdministrativeUnit> ended = mayAsk ? units.findEndedBefore(code, today).filter(scope::includes)
                    : Optional.empty();
            return Optional.of(ended.map(last -> Problem.of("unitCode", "apiTokens.problem.unitEnded", code,
                    last.getName(), last.getValidTo()))
                    .orElseGet(() -> Problem.of("unitCode", "apiTokens.problem.unitUnknown", code)));
        }
        if (!role.fits(unit.get().getLevel())) {
            // The accounts' words, which say what level the role needs, not only that this one is not it.
            return Optional.of(Problem.of("unitCode", "users.problem.unitLevel." + role.name(), code));
        }
        return Optional.empty();
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
