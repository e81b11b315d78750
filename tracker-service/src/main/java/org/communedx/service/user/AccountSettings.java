package org.communedx.service.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.communedx.model.user.EmailPreference;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.RequestOrigin;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What users change about their own account: the password and the language. */
@Service
@Transactional(readOnly = true)
public class AccountSettings {

    private final UserAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final PasswordPolicy policy;

    private final LoginAttempts attempts;

    private final AuditLog audit;

    AccountSettings(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            LoginAttempts attempts, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.attempts = attempts;
        this.audit = audit;
    }

    public AccountView account(String username) {
        return AccountView.of(load(username));
    }

    /**
     * The current password is checked under the same throttle as a login, and a wrong one counts as a wrong password
     * at login: a stolen session gives no more guesses than the login page.
     *
     * @throws TooManyAttempts when the client must wait before the current password is checked again
     * @throws CurrentPasswordIncorrect when {@code currentPassword} is wrong
     * @throws PasswordRejected when the new password breaks the policy or is the current one
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserAccount account = load(username);
        String clientIp = RequestOrigin.current();
        attempts.requireAllowed(account.getUsername(), clientIp);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            attempts.currentPasswordFailed(account.getUsername(), clientIp);
            throw new CurrentPasswordIncorrect();
        }
        List<PasswordProblem> problems = new ArrayList<>(policy.problems(account.getUsername(), newPassword));
        if (problems.isEmpty() && passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            problems.add(new PasswordProblem("password.sameAsCurrent"));
        }
        if (!problems.isEmpty()) {
            throw new PasswordRejected(problems);
        }
        Map<String, Object> before = account.snapshot();
        account.changePassword(passwordEncoder.encode(newPassword));
        // Beside the administrators' resets, so that the trail tells who last set an account's password; the
        // snapshots hold no hash.
        audit.record(UserAdministration.AUDIT_TYPE, account.getId(), "CHANGE_PASSWORD", before, account.snapshot());
    }

    /** @param language {@code vi} or {@code en} */
    @Transactional
    public void changeLanguage(String username, String language) {
        load(username).preferLanguage(language);
    }

    /** How often the user wants notices by e-mail; without an address they get none whatever it says. */
    @Transactional
    public void changeEmailPreference(String username, EmailPreference preference) {
        load(username).preferEmail(preference);
    }

    private UserAccount load(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new AccountNotFoundException(username));
    }

    public record AccountView(String username, String displayName, Role role, String unitCode, String language,
            boolean mustChangePassword, Instant lastLoginAt, boolean enabled, String email,
            EmailPreference emailPreference) {

        static AccountView of(UserAccount account) {
            return new AccountView(account.getUsername(), account.getDisplayName(), account.getRole(),
                    account.getUnitCode(), account.getLocale(), account.isMustChangePassword(),
                    account.getLastLoginAt(), account.isEnabled(), account.getEmail(), account.getEmailPreference());
        }
    }
}
