package org.communedx.service.scope;

import java.util.HashSet;

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
        return accounts.findByUsername(authentication.getName()).map(this::of).orElse(UnitScope.NOTHING);
    }

    public UnitScope of(UserAccount account) {
        if (account.getUnitCode() == null) {
            return account.getRole().name().equals("ADMIN") ? UnitScope.EVERYTHING : UnitScope.NOTHING;
        }
        return new UnitScope(false, account.getUnitCode(), new HashSet<>(units.findReachableCodes(account.getUnitCode())));
    }
}
