package org.communedx.service.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may manage which users, and what a user's details must be: the rules the forms and the import share.
 * An administrator manages everyone. A provincial manager manages the district officials, commune staff and
 * viewers whose unit lies in their own province (the unit that holds the account's code today, or held it last),
 * and may give only those roles and those units; everyone else is, for them, a user that does not exist.
 */
@Component
class UserRules {

    static final Set<Role> GRANTED_BY_MANAGERS = EnumSet.of(Role.DISTRICT_OFFICIAL, Role.COMMUNE_STAFF, Role.VIEWER);

    private final UserAccountRepository accounts;

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final Clock clock;

    UserRules(UserAccountRepository accounts, AdministrativeUnitRepository units, Scopes scopes, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** The one acting, from the security context; anyone but an administrator or provincial manager is refused. */
    Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Not logged in");
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        Role role = authorities.contains("ROLE_ADMIN") ? Role.ADMIN
                : authorities.contains("ROLE_PROVINCE_MANAGER") ? Role.PROVINCE_MANAGER : null;
        if (role == null) {
            throw new AccessDeniedException("Only administrators and provincial managers manage users");
        }
        UnitScope scope = scopes.current();
        return new Actor(UserAccount.normalizeUsername(authentication.getName()), role, scope, managedCodes(scope));
    }

    /**
     * The unit codes whose accounts a scope manages: those whose last holder lies in it. The old province reaches
     * the code 05305 through the old Yên Phú, but the code's accounts are the new Yên Phú's, of another province.
     */
    private Set<String> managedCodes(UnitScope scope) {
        if (scope.everything() || scope.unitCodes().isEmpty()) {
            return Set.of();
        }
        return units.findLastHolders(scope.unitCodes()).stream().filter(holder -> scope.includesUnit(holder.getId()))
                .map(AdministrativeUnitRepository.CodeHolder::getCode).collect(Collectors.toUnmodifiableSet());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void checkUsername(int line, String username, List<UserProblem> problems) {
        String normalized = UserAccount.normalizeUsername(username);
        if (!UserAccount.USERNAME.matcher(normalized).matches()) {
            problems.add(UserProblem.of(line, UserField.USERNAME, "users.problem.usernameShape"));
        }
        else if (accounts.existsByUsername(normalized)) {
            problems.add(UserProblem.of(line, UserField.USERNAME, "users.problem.usernameTaken", normalized));
        }
    }

    void checkDisplayName(int line, String displayName, List<UserProblem> problems) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            problems.add(UserProblem.of(line, UserField.DISPLAY_NAME, "users.problem.displayNameMissing"));
        }
        else if (name.length() > UserAccount.MAX_DISPLAY_NAME) {
            problems.add(UserProblem.of(line, UserField.DISPLAY_NAME, "users.problem.displayNameTooLong"));
        }
    }

    void checkEmail(int line, String email, List<UserProblem> problems) {
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty()
                && (address.length() > UserAccount.MAX_EMAIL || !UserAccount.EMAIL.matcher(address).matches())) {
            problems.add(UserProblem.of(line, UserField.EMAIL, "users.problem.emailInvalid"));
        }
    }

    /** @return whether the role may be given, so that its unit is worth checking */
    boolean checkRole(int line, Actor actor, Role role, List<UserProblem> problems) {
        if (role == null) {
            problems.add(UserProblem.of(line, UserField.ROLE, "users.problem.roleRequired"));
            return false;
        }
        if (!actor.mayGrant(role)) {
            problems.add(UserProblem.of(line, UserField.ROLE, "users.problem.roleNotAllowed", role.name()));
            return false;
        }
        return true;
    }

    /**
     * An administrator has no unit; any other role needs a unit that exists today, lies within the actor's scope
     * and is of a level the role belongs to. A unit outside the scope is reported exactly as an unknown one.
     */
    void checkUnit(int line, Actor actor, Role role, String unitCode, List<UserProblem> problems) {
        String code = blankToNull(unitCode);
        if (role == Role.ADMIN) {
            if (code != null) {
                problems.add(UserProblem.of(line, UserField.UNIT, "users.problem.unitForAdmin"));
            }
            return;
        }
        if (code == null) {
            problems.add(UserProblem.of(line, UserField.UNIT, "users.problem.unitRequired"));
            return;
        }
        // The unit itself must lie in the scope, not only its code: a merger gave old codes to new units (05347 of
        // the old Xã Ân Nghĩa to the new Xã Đại Đồng of Tỉnh Phú Thọ), which the old province's manager does not reach.
        Optional<AdministrativeUnit> unit = actor.scope().includes(code)
                ? units.findByCodeValidOn(code, today()).filter(actor.scope()::includes) : Optional.empty();
        if (unit.isEmpty()) {
            Optional<AdministrativeUnit> ended = actor.scope().includes(code)
                    ? units.findEndedBefore(code, today()).filter(actor.scope()::includes) : Optional.empty();
            problems.add(ended.map(last -> UserProblem.of(line, UserField.UNIT, "users.problem.unitEnded", code,
                    last.getName(), last.getValidTo()))
                    .orElseGet(() -> UserProblem.of(line, UserField.UNIT, "users.problem.unitUnknown", code)));
        }
        else if (!role.fits(unit.get().getLevel())) {
            problems.add(UserProblem.of(line, UserField.UNIT, "users.problem.unitLevel." + role.name(), code));
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Who is acting, with what they may grant and reach.
     * @param managedCodes the unit codes of the accounts a provincial manager manages (an administrator, all)
     */
    record Actor(String username, Role role, UnitScope scope, Set<String> managedCodes) {

        boolean mayGrant(Role granted) {
            return role == Role.ADMIN || GRANTED_BY_MANAGERS.contains(granted);
        }

        List<Role> grantableRoles() {
            return List.of(Role.values()).stream().filter(this::mayGrant).toList();
        }

        /** Whether the account is one this actor manages; for anything else the answer is "not found". */
        boolean manages(UserAccount account) {
            return role == Role.ADMIN
                    || (mayGrant(account.getRole()) && account.getUnitCode() != null
                            && managedCodes.contains(account.getUnitCode()));
        }

        boolean is(UserAccount account) {
            return username.equals(account.getUsername());
        }
    }
}
