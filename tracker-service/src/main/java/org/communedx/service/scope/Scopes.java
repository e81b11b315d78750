package org.communedx.service.scope;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.communedx.model.period.Period;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.revision.DataRevision;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Works out the scope of the user of the current request: of their account, or of the role and unit that a
 * {@link UnitBoundPrincipal} (an API token) carries. Services ask it on every read, write, list and download,
 * so that a guessed URL or id reaches nothing that the pages would not show.
 * <p>
 * A scope is kept per user until the {@link DataRevision} moves: one page asks several services, each checks it, and
 * for a provincial manager every check is a user lookup and a walk over some 600 units. Everything a scope is made
 * of (the account's role and unit, the unit tree, the successions) changes only by a committed write, which moves the
 * revision. A scope worked out inside a read-write transaction may stand on that transaction's own writes, which may
 * yet roll back, so it is used but not kept.
 */
@Service
@Transactional(readOnly = true)
public class Scopes {

    private final UserAccountRepository accounts;

    private final AdministrativeUnitRepository units;

    private final DataRevision revision;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** {@link #kept}'s scopes, by role and unit. */
    private final Map<String, Known> keptByUnit = new ConcurrentHashMap<>();

    Scopes(UserAccountRepository accounts, AdministrativeUnitRepository units, DataRevision revision) {
        this.accounts = accounts;
        this.units = units;
        this.revision = revision;
    }

    /** The scope of whoever is logged in; nothing at all for an anonymous caller. */
    public UnitScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return UnitScope.NOTHING;
        }
        if (authentication.getAuthorities().stream().anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()))) {
            return UnitScope.EVERYTHING;
        }
        String username = authentication.getName();
        Object principal = authentication.getPrincipal();
        return keptUntilTheDataChanges(known, username, () -> principal instanceof UnitBoundPrincipal bound
                ? of(bound.role(), bound.unitCode())
                : accounts.findByUsername(username).map(this::of).orElse(UnitScope.NOTHING));
    }

    /**
     * The scope kept under {@code key} while the {@link DataRevision} has not moved, else {@code computed} afresh and
     * kept, unless it was computed in a transaction that writes (whose changes may yet roll back).
     */
    private UnitScope keptUntilTheDataChanges(Map<String, Known> kept, String key, Supplier<UnitScope> computed) {
        // Read before the scope's own queries: what they see is at least as new as this revision.
        long revisionBefore = revision.current();
        Known found = kept.get(key);
        if (found != null && found.revision() == revisionBefore) {
            return found.scope();
        }
        UnitScope scope = computed.get();
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            kept.put(key, new Known(revisionBefore, scope));
        }
        return scope;
    }

    /**
     * Who acts, with their role and unit: the account of whoever is logged in, or the role and unit an API token
     * carries. Empty for an anonymous caller, or an account that no longer exists. The role and unit checks of the
     * workflow go by this, not by a lookup of the username, so that a token acts as an account of its role and unit.
     */
    public Optional<Acting> acting() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof UnitBoundPrincipal bound) {
            return Optional.of(new Acting(bound.getName(), bound.role(), bound.unitCode()));
        }
        return accounts.findByUsername(authentication.getName())
                .map(account -> new Acting(account.getUsername(), account.getRole(), account.getUnitCode()));
    }

    /**
     * The unit that held the code during the period, if the caller may reach that very unit; otherwise, and where no
     * unit held the code, {@link OutOfScopeException} (a 404). This is the one rule for data addressed by a code and
     * a period: the code alone is not enough, since a merger can give it to a unit in another district or province
     * (the new Xã Yên Phú 05305 of 2025, formed from Lạc Sơn's 05302, 05305 and 05308, is no longer Lạc Sơn's).
     */
    public AdministrativeUnit requireDuring(String code, Period period) {
        return reachableDuring(code, period).orElseThrow(() -> new OutOfScopeException(code));
    }

    /**
     * {@link #requireDuring}'s unit, or empty where it would answer 404: for a list of what the caller may open, such as
     * the periods of a commune's scorecard.
     */
    public Optional<AdministrativeUnit> reachableDuring(String code, Period period) {
        UnitScope scope = current();
        // The codes first: a code the caller never reaches costs no lookup.
        if (!scope.includes(code)) {
            return Optional.empty();
        }
        return heldDuring(code, period).filter(scope::includes);
    }

    /**
     * The unit that held the code on the period's first day, else on its last (a unit formed or ended within the
     * period), without a scope check.
     */
    public Optional<AdministrativeUnit> heldDuring(String code, Period period) {
        return units.findByCodeValidOn(code, period.getStartDate())
                .or(() -> units.findByCodeValidOn(code, period.getEndDate()));
    }

    public UnitScope of(UserAccount account) {
        return of(account.getRole(), account.getUnitCode());
    }

    /**
     * The scope of a role at a unit, kept until the {@link DataRevision} moves as {@link #current()} keeps a user's:
     * for checking someone other than the caller on every request, such as an API token's issuer
     * (ApiTokenAuthenticator), at the cost of reading the revision once it is kept. It joins a transaction if there
     * is one, and opens none: most calls find it kept.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public UnitScope kept(Role role, @Nullable String unitCode) {
        if (unitCode == null) {
            return of(role, null);
        }
        return keptUntilTheDataChanges(keptByUnit, role.name() + " " + unitCode, () -> of(role, unitCode));
    }

    /** The scope of a role at a unit, as an account's or a {@link UnitBoundPrincipal}'s. */
    private UnitScope of(Role role, @Nullable String unitCode) {
        if (unitCode == null) {
            return role == Role.ADMIN ? UnitScope.EVERYTHING : UnitScope.NOTHING;
        }
        return new UnitScope(false, unitCode, Set.copyOf(units.findReachableCodes(unitCode)),
                Set.copyOf(units.findReachableIds(unitCode)));
    }

    private record Known(long revision, UnitScope scope) {
    }
}
