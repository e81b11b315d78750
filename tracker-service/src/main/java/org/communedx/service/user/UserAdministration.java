package org.communedx.service.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.communedx.model.Unicode;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.Pages;
import org.communedx.service.assessment.ReviewQueue;
import org.communedx.service.assessment.ReviewQueue.Pending;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.user.UserRules.Actor;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;
import org.communedx.service.user.UserViews.UnitName;
import org.communedx.service.user.UserViews.UserChanges;
import org.communedx.service.user.UserViews.UserDetail;
import org.communedx.service.user.UserViews.UserPage;
import org.communedx.service.user.UserViews.UserRow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators and provincial managers list, create and change users, and issue one-time passwords. Every
 * method works out who is acting ({@link UserRules}): a user they may not manage answers "not found", whatever
 * the method, and a role or unit they may not give is refused.
 */
@Service
@Transactional(readOnly = true)
public class UserAdministration {

    public static final int PAGE_SIZE = 50;

    /** The audit trail's record type of an account: every change, and each imported user, is one event. */
    public static final String AUDIT_TYPE = "USER";

    private final UserAccountRepository accounts;

    private final AdministrativeUnitRepository units;

    private final UserRules rules;

    private final OneTimePasswords oneTimePasswords;

    private final PasswordEncoder passwordEncoder;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final AuditLog audit;

    private final ReviewQueue reviewQueue;

    UserAdministration(UserAccountRepository accounts, AdministrativeUnitRepository units, UserRules rules,
            OneTimePasswords oneTimePasswords, PasswordEncoder passwordEncoder, Clock clock,
            ApplicationEventPublisher events, AuditLog audit, ReviewQueue reviewQueue) {
        this.audit = audit;
        this.reviewQueue = reviewQueue;
        this.accounts = accounts;
        this.units = units;
        this.rules = rules;
        this.oneTimePasswords = oneTimePasswords;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    /** The roles the acting user may give, in the order of {@link Role}. */
    public List<Role> grantableRoles() {
        return rules.actor().grantableRoles();
    }

    /**
     * The users the actor manages whose username or name contains {@code query} (any case, with or without
     * diacritics), or whose unit code is {@code query}; optionally of one role. Sorted by username, {@link #PAGE_SIZE} a page.
     */
    public UserPage list(String query, Role role, int page) {
        Actor actor = rules.actor();
        List<Role> roles = actor.grantableRoles().stream().filter(r -> role == null || r == role).toList();
        boolean everywhere = actor.scope().everything();
        if (roles.isEmpty() || (!everywhere && actor.managedCodes().isEmpty())) {
            return new UserPage(List.of(), 0, 0, 0);
        }
        // Folded, as names are kept for the search (UserAccount#rename), however it was typed.
        // One space between words, as a name pasted from a spreadsheet may have two (and then found nobody).
        String text = query == null ? "" : Unicode.searchText(query)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // An IN list is never empty: for an administrator it is ignored, but the query still needs one value.
        Collection<String> scope = everywhere ? Set.of("") : actor.managedCodes();
        Page<UserAccount> found = Pages.found(page, number -> accounts.search(text, roles, everywhere, scope,
                PageRequest.of(number, PAGE_SIZE, Sort.by("username"))));
        Map<String, UnitName> unitNames = unitNames(found.getContent().stream().map(UserAccount::getUnitCode).toList());
        List<UserRow> rows = found.getContent().stream().map(account -> new UserRow(account.getId(),
                account.getUsername(), account.getDisplayName(), account.getRole(), account.getUnitCode(),
                unitNames.get(account.getUnitCode()), account.isEnabled(), account.getLastLoginAt())).toList();
        return new UserPage(rows, found.getNumber(), found.getTotalPages(), found.getTotalElements());
    }

    public UserDetail detail(long id) {
        Actor actor = rules.actor();
        UserAccount account = load(actor, id);
        UnitName unitName = account.getUnitCode() == null ? null
                : unitNames(List.of(account.getUnitCode())).get(account.getUnitCode());
        return new UserDetail(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getUnitCode(), unitName, account.getEmail(), account.isEnabled(),
                account.isMustChangePassword(), account.getLastLoginAt(), account.getCreatedAt(), actor.is(account),
                account.getRowVersion());
    }

    /**
     * What waits for the account's review, and who else may decide it, which the page that asks before disabling the
     * account says; empty for an account that reviews nothing. In the acting user's scope, as {@link #detail}.
     */
    public Optional<Pending> pendingReviews(long id) {
        UserAccount account = load(rules.actor(), id);
        return reviewQueue.pending(account.getUsername(), account.getRole(), account.getUnitCode());
    }

    /**
     * Creates the user with a generated one-time password, which they must change at their first login.
     * @throws UserRejected listing every rule the details break; nothing is saved
     */
    @Transactional
    public IssuedPassword create(NewUser user) {
        List<UserProblem> problems = problems(user);
        if (!problems.isEmpty()) {
            throw new UserRejected(problems);
        }
        return issue(user, "CREATE");
    }

    /**
     * Every rule a new user's details break, creating nothing: for a form refused for its shape, which tells a taken
     * username or an ended unit in the same round as an empty name, rather than after it is mended.
     */
    @Transactional(readOnly = true)
    public List<UserProblem> problems(NewUser user) {
        Actor actor = rules.actor();
        List<UserProblem> problems = new ArrayList<>();
        rules.checkUsername(0, user.username(), problems);
        rules.checkDisplayName(0, user.displayName(), problems);
        if (rules.checkRole(0, actor, user.role(), problems)) {
            rules.checkUnit(0, actor, user.role(), user.unitCode(), problems);
        }
        rules.checkEmail(0, user.email(), problems);
        return problems;
    }

    /**
     * Creates a user whose details {@link UserRules} already accepted; the import uses it row by row.
     * @param action how the audit trail names it: {@code CREATE} or {@code IMPORT_USER}
     */
    IssuedPassword issue(NewUser user, String action) {
        String password = oneTimePasswords.generate();
        UserAccount account = new UserAccount(user.username(), user.displayName(), passwordEncoder.encode(password),
                user.role(), user.role() == Role.ADMIN ? null : UserRules.blankToNull(user.unitCode()),
                clock.instant());
        account.changeEmail(user.email());
        account.requirePasswordChange();
        accounts.save(account);
        audit.record(AUDIT_TYPE, account.getId(), action, null, account.snapshot());
        return new IssuedPassword(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getRole(), account.getUnitCode(), password);
    }

    /**
     * Changes name, role, unit, address and whether the account may log in. The unit is checked again only when
     * the role or unit changes, so that an account whose unit the 2025 reform closed can still be renamed or
     * disabled. Nobody changes their own role or disables themselves.
     * @throws UserRejected listing every rule the changes break; nothing is saved
     */
    @Transactional
    public void update(long id, UserChanges changes) {
        Actor actor = rules.actor();
        UserAccount account = load(actor, id);
        if (changes.version() != account.getRowVersion()) {
            // Saved over, a disable or a new role made meanwhile would be undone without a word.
            throw new UserRejected(UserProblem.of(0, null, "users.problem.changedMeanwhile"));
        }
        List<UserProblem> problems = new ArrayList<>();
        rules.checkDisplayName(0, changes.displayName(), problems);
        String unitCode = changes.role() == Role.ADMIN ? null : UserRules.blankToNull(changes.unitCode());
        boolean reassigned = changes.role() != account.getRole()
                || !Objects.equals(unitCode, account.getUnitCode());
        if (reassigned && actor.is(account)) {
            problems.add(UserProblem.of(0, UserField.ROLE, "users.problem.ownRole"));
        }
        else if (reassigned && rules.checkRole(0, actor, changes.role(), problems)) {
            rules.checkUnit(0, actor, changes.role(), changes.unitCode(), problems);
        }
        rules.checkEmail(0, changes.email(), problems);
        if (!problems.isEmpty()) {
            throw new UserRejected(problems);
        }
        boolean revoked = changes.role() != account.getRole();
        Map<String, Object> before = account.snapshot();
        account.rename(changes.displayName());
        account.assign(changes.role(), unitCode);
        account.changeEmail(changes.email());
        Map<String, Object> after = account.snapshot();
        if (!after.equals(before)) {
            audit.record(AUDIT_TYPE, id, "EDIT", before, after);
        }
        // A new unit alone ends nothing: the services read the caller's unit afresh on every request.
        if (revoked) {
            events.publishEvent(new AccessRevoked(account.getUsername()));
        }
    }

    /** @throws UserRejected when the actor would disable themselves */
    @Transactional
    public void disable(long id) {
        Actor actor = rules.actor();
        UserAccount account = load(actor, id);
        if (actor.is(account)) {
            throw new UserRejected(UserProblem.of(0, UserField.ENABLED, "users.problem.disableSelf"));
        }
        Map<String, Object> before = account.snapshot();
        account.disable();
        audit.record(AUDIT_TYPE, id, "DISABLE", before, account.snapshot());
        events.publishEvent(new AccessRevoked(account.getUsername()));
    }

    @Transactional
    public void enable(long id) {
        UserAccount account = load(rules.actor(), id);
        Map<String, Object> before = account.snapshot();
        account.enable();
        audit.record(AUDIT_TYPE, id, "ENABLE", before, account.snapshot());
    }

    /**
     * Replaces the password with a one-time one, to be shown to the administrator once and changed at login.
     * Nobody resets their own: the reset ends the account's sessions, the page that would show the new password
     * among them, and the only administrator would be locked out. One's own password changes at the account page.
     * @throws UserRejected when the actor would reset their own password
     */
    @Transactional
    public IssuedPassword resetPassword(long id) {
        Actor actor = rules.actor();
        UserAccount account = load(actor, id);
        if (actor.is(account)) {
            throw new UserRejected(UserProblem.of(0, null, "users.problem.resetSelf"));
        }
        String password = oneTimePasswords.generate();
        Map<String, Object> before = account.snapshot();
        account.resetPassword(passwordEncoder.encode(password));
        audit.record(AUDIT_TYPE, id, "RESET_PASSWORD", before, account.snapshot());
        events.publishEvent(new AccessRevoked(account.getUsername()));
        return new IssuedPassword(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getRole(), account.getUnitCode(), password);
    }

    private UserAccount load(Actor actor, long id) {
        return accounts.findById(id).filter(actor::manages).orElseThrow(() -> new UserNotFoundException(id));
    }

    /** Each code's unit today, else the last unit that held it, with the day it ended. */
    private Map<String, UnitName> unitNames(Collection<String> codes) {
        Set<String> wanted = codes.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        LocalDate today = rules.today();
        Map<String, UnitName> names = new HashMap<>();
        for (AdministrativeUnit unit : units.findAllByCodes(wanted)) {
            UnitName name = new UnitName(unit.getName(), unit.isValidOn(today) ? null : unit.getValidTo());
            names.merge(unit.getCode(), name, UserAdministration::later);
        }
        return names;
    }

    /** Today's name over an ended one, and of two ended, the one that ended last. */
    private static UnitName later(UnitName one, UnitName other) {
        if (one.endedOn() == null || other.endedOn() == null) {
            return one.endedOn() == null ? one : other;
        }
        return one.endedOn().isAfter(other.endedOn()) ? one : other;
    }
}
