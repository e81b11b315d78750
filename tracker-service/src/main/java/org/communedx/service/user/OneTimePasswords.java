package org.communedx.service.user;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Passwords an administrator hands over, to be used once: 12 random characters (about 59 bits) in groups of four,
 * without the letters and digits that are read or typed wrong on a phone (l, 1, o, 0).
 */
@Component
class OneTimePasswords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();

    String generate() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
