package org.communedx.service.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.communedx.model.Unicode;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: long enough, not the username and not one of the passwords attackers try
 * first. Length is what makes a password hard to guess, so there are no composition rules (NIST SP 800-63B).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    /** bcrypt reads no further, and Spring's encoder refuses longer input rather than ignore the rest. */
    public static final int MAX_BYTES = 72;

    private static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = load();
    }

    /**
     * Every rule the password breaks; empty when it may be used. Judged as it is hashed, in NFC: "mậtkhẩu" is seven
     * letters and eleven code points typed with combining marks.
     */
    public List<PasswordProblem> problems(String username, String password) {
        List<PasswordProblem> problems = new ArrayList<>();
        String candidate = password == null ? "" : Unicode.nfc(password);
        // Spaces at either end count for nothing: ten spaces were accepted as a password, which the current-password
        // field (blank refused) then could not take to change it.
        String counted = candidate.strip();
        if (counted.codePointCount(0, counted.length()) < MIN_LENGTH) {
            problems.add(new PasswordProblem("password.tooShort", MIN_LENGTH));
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new PasswordProblem("password.tooLong", MAX_BYTES));
        }
        if (username != null && candidate.strip().equalsIgnoreCase(username.strip())) {
            problems.add(new PasswordProblem("password.sameAsUsername"));
        }
        if (isCommon(candidate)) {
            problems.add(new PasswordProblem("password.common"));
        }
        return problems;
    }

    boolean isCommon(String password) {
        return commonPasswords.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
            }
            Set<String> passwords = new HashSet<>(40_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
