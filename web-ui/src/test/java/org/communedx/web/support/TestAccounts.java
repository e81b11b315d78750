package org.communedx.web.support;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts that one test owns, so that what it does to them (a lockout, a new password) touches no other test.
 * Administrators, because they need no administrative unit.
 */
public final class TestAccounts {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    public TestAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    /** A new, unique username, e.g. {@code it.lockout.3.5f1c}. */
    public static String uniqueUsername(String prefix) {
        return "it." + prefix + "." + SEQUENCE.incrementAndGet() + "." + Long.toHexString(System.nanoTime() & 0xffff);
    }

    public String create(String prefix, String password) {
        String username = uniqueUsername(prefix);
        accounts.save(new UserAccount(username, "Test " + username, passwordEncoder.encode(password), Role.ADMIN, null,
                Instant.now()));
        return username;
    }

    /** An administrator's account whose password someone else chose, as after a reset. */
    public String createWithPasswordToChange(String prefix, String password) {
        return createWithPasswordToChange(prefix, password, Role.ADMIN, null);
    }

    /** An account of that role and unit whose password someone else chose, as after a reset. */
    public String createWithPasswordToChange(String prefix, String password, Role role, String unitCode) {
        String username = uniqueUsername(prefix);
        UserAccount account = new UserAccount(username, "Test " + username, passwordEncoder.encode(password),
                role, unitCode, Instant.now());
        account.requirePasswordChange();
        accounts.save(account);
        return username;
    }
}
