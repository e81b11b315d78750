package org.communedx.web.home;

import org.communedx.model.user.Role;
import org.communedx.service.user.SignedInAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in and in which role, as {@code #user} in the templates: the menu and the buttons that only some roles
 * may use ({@code th:if="${#user.admin()}"}). What a role may do is decided by the security configuration and the
 * services; this only decides what a page offers.
 * <p>
 * In place of thymeleaf-extras' {@code sec:authorize="hasRole('ADMIN')"}, which parsed its expression and built an
 * evaluation context on every attribute: the layout's ten of them were a third of its rendering (docs/performance.md,
 * "Rendering"). One method a role, not {@code hasRole('PROVINCE_MANAGER')}: Thymeleaf runs a regular expression over
 * any attribute with an underscore in it, on every evaluation.
 */
public final class CurrentUser {

    private final @Nullable Authentication authentication;

    CurrentUser(@Nullable Authentication authentication) {
        this.authentication = authentication;
    }

    /** The user of the request being answered, from Spring Security's context. */
    public static CurrentUser fromSecurityContext() {
        return new CurrentUser(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Signed in, as Spring Security's {@code isAuthenticated()}: not anonymous. */
    public boolean signedIn() {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The username, or null when no one is signed in. */
    public @Nullable String name() {
        return signedIn() ? authentication.getName() : null;
    }

    /** The name the menu and the greeting give the user: their display name, else their username; null for no one. */
    public @Nullable String displayName() {
        if (signedIn() && authentication.getPrincipal() instanceof SignedInAccount account
                && account.getDisplayName() != null) {
            return account.getDisplayName();
        }
        return name();
    }

    public boolean admin() {
        return has(Role.ADMIN);
    }

    public boolean provinceManager() {
        return has(Role.PROVINCE_MANAGER);
    }

    public boolean districtOfficial() {
        return has(Role.DISTRICT_OFFICIAL);
    }

    public boolean viewer() {
        return has(Role.VIEWER);
    }

    public boolean communeStaff() {
        return has(Role.COMMUNE_STAFF);
    }

    private boolean has(Role role) {
        if (!signedIn()) {
            return false;
        }
        String authority = "ROLE_" + role.name();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
