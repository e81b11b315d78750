package org.communedx.model.user;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One try to log in, kept for the audit and counted by the lockout. The username is what was typed, whether or
 * not such an account exists, made safe to store: control characters (PostgreSQL refuses NUL) become U+FFFD,
 * and it is cut to {@value #MAX_USERNAME} characters. Rows are never changed (a trigger refuses it).
 */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    public static final int MAX_USERNAME = 100;

    private static final int MAX_IP = 45;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "username_key", nullable = false, updatable = false)
    private String usernameKey;

    @Column(name = "client_ip", updatable = false)
    private String clientIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LoginOutcome outcome;

    protected LoginAttempt() {
    }

    public LoginAttempt(String username, String clientIp, LoginOutcome outcome, Instant attemptedAt) {
        this.username = storable(username);
        this.usernameKey = keyOf(username);
        this.clientIp = addressOf(clientIp);
        this.outcome = outcome;
        this.attemptedAt = attemptedAt;
    }

    /** The key attempts are counted by: usernames are compared without regard to case or surrounding space. */
    public static String keyOf(String username) {
        // Lower case can lengthen a string ("İ" becomes two characters), so it is cut again.
        return storable(storable(username).strip().toLowerCase(Locale.ROOT));
    }

    /** The client address as it is stored and counted by. */
    public static String addressOf(String clientIp) {
        return clientIp == null ? null : cut(storable(clientIp), MAX_IP);
    }

    private static String storable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(MAX_USERNAME)
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c)
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getUsernameKey() {
        return usernameKey;
    }

    public String getClientIp() {
        return clientIp;
    }

    public LoginOutcome getOutcome() {
        return outcome;
    }
}
