package org.communedx.service.scope;

import java.util.Set;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works out the scope of the user of the current request. Services ask it on every read, write, list and download,
 * so that a guessed URL or id reaches nothing that the pages would not show.
 */
@Service
@Transactional(readOnly = true)
public class Scopes {

    private static final ThreadLocal<Remembered> REMEMBERED = new ThreadLocal<>();

    private final UserAccountRepository accounts;

    private final AdministrativeUnitRepository units;

    Scopes(UserAccountRepository accounts, AdministrativeUnitRepository units) {
        this.accounts = accounts;
        this.units = units;
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
        Remembered remembered = REMEMBERED.get();
        if (remembered != null && remembered.authentication == authentication) {
            return remembered.scope;
        }
        UnitScope scope = accounts.findByUsername(authentication.getName()).map(this::of).orElse(UnitScope.NOTHING);
        if (remembered != null) {
            remembered.authentication = authentication;
            remembered.scope = scope;
        }
        return scope;
    }

    public UnitScope of(UserAccount account) {
        if (account.getUnitCode() == null) {
            return account.getRole().name().equals("ADMIN") ? UnitScope.EVERYTHING : UnitScope.NOTHING;
        }
        return new UnitScope(false, account.getUnitCode(), Set.copyOf(units.findReachableCodes(account.getUnitCode())));
    }

    /**
     * Remembers the caller's scope on this thread until the returned handle is closed. One page asks several services,
     * and each checks the scope (a province dashboard four times); for a provincial manager every check is a user
     * lookup and a walk over some 600 units, a few milliseconds each. The web layer holds one open for the
     * length of each request, which is too short for a user's unit or the unit tree to change under it. The scope is
     * kept for the very {@link Authentication} it was worked out for: after a login within the request, or a switch
     * of user on the thread, the next check works the new caller's scope out afresh.
     */
    public static Remembering rememberUntilClosed() {
        if (REMEMBERED.get() != null) {
            // A dispatch inside the same request (an error page, a forward): the outer handle closes it.
            return () -> { };
        }
        REMEMBERED.set(new Remembered());
        return REMEMBERED::remove;
    }

    /** Closing it forgets; it throws nothing, so that it fits a try-with-resources around a filter chain. */
    @FunctionalInterface
    public interface Remembering extends AutoCloseable {

        @Override
        void close();
    }

    private static final class Remembered {

        private Authentication authentication;

        private UnitScope scope;
    }
}
