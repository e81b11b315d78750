package org.communedx.service.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a token, {@code cdx_<id>_<secret>}, and how its secret is made, kept and compared.
 * <p>
 * The secret is 256 bits from {@link SecureRandom}, written as 43 characters of base64url. It is kept as its SHA-256,
 * a fast hash, not bcrypt: a slow hash protects passwords, which people choose from a space small enough to search, by
 * making each guess expensive. A 256-bit random secret cannot be searched whatever the hash costs, so a slow hash
 * would only spend some 150 ms of CPU on every API call (what HTTP Basic costs, docs/performance.md) and protect
 * nothing more; a stolen table of SHA-256 hashes gives no token back. The id before it finds the row by primary key,
 * so that a check is one lookup and one hash, and the hashes are compared in constant time.
 */
final class TokenSecrets {

    static final String PREFIX = "cdx_";

    private static final int SECRET_BYTES = 32;

    /** cdx_, an id of at most 18 digits (a bigint), _, and 43 base64url characters: nothing else is looked up. */
    private static final Pattern SHAPE = Pattern.compile("cdx_([1-9][0-9]{0,17})_([A-Za-z0-9_-]{43})");

    /** The longest token the shape allows: a longer header is refused before any matching. */
    static final int MAX_LENGTH = 4 + 18 + 1 + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String token(long id, String secret) {
        return PREFIX + id + "_" + secret;
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

    /** A token as presented, split into its id and secret, or null when it does not have a token's shape. */
    static Presented parse(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = SHAPE.matcher(token);
        return matcher.matches() ? new Presented(Long.parseLong(matcher.group(1)), matcher.group(2)) : null;
    }

    /** Whether the secret hashes to the stored hash; in time that does not depend on where they differ. */
    static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }

    record Presented(long id, String secret) {
    }
}
