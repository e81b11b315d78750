package org.communedx.model.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.communedx.model.Unicode;

/** An official who logs in. Everyone but an administrator belongs to a unit, which bounds what they see. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public static final List<String> SUPPORTED_LANGUAGES = List.of("vi", "en");

    /** 3 to 64 lower-case letters, digits, dots, underscores and hyphens: typed on phones, read aloud on calls. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    public static final int MAX_DISPLAY_NAME = 200;

    /** The longest address RFC 5321 lets through (user_account.email). */
    public static final int MAX_EMAIL = 254;

    /** Something that can be an e-mail address; whether it reaches anyone is another matter. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** The display name {@linkplain Unicode#fold folded}, which the user search compares. */
    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "unit_code")
    private String unitCode;

    @Column(nullable = false)
    private boolean enabled = true;

    private String email;

    @Column(nullable = false)
    private String locale = "vi";

    @Enumerated(EnumType.STRING)
    @Column(name = "email_preference", nullable = false)
    private EmailPreference emailPreference = EmailPreference.IMMEDIATE;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Moves with every change an administrator may make, so that one made from a stale form is refused. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Role role, String unitCode,
            Instant createdAt) {
        this.username = normalizeUsername(username);
        if (!USERNAME.matcher(this.username).matches()) {
            throw new IllegalArgumentException("A username has 3 to 64 of a-z, 0-9, '.', '_' and '-': " + username);
        }
        assign(role, unitCode);
        rename(displayName);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** How a typed username is stored and compared: without surrounding space, in lower case. */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A role with its unit: an administrator has no unit, and every other role has one. */
    public void assign(Role newRole, String newUnitCode) {
        if (newRole == null || (newRole == Role.ADMIN) != (newUnitCode == null)) {
            throw new IllegalArgumentException("An administrator has no unit, and every other role has one");
        }
        this.role = newRole;
        this.unitCode = newUnitCode;
    }

    /**
     * Kept in Unicode NFC, as unit names are, and folded for the search: a name typed with combining marks (Unikey's
     * "Unicode tổ hợp", macOS) is found by a search typed precomposed, or without diacritics, and the other way round.
     */
    public void rename(String newDisplayName) {
        String name = newDisplayName == null ? "" : Unicode.nfc(newDisplayName).strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("A display name has 1 to " + MAX_DISPLAY_NAME + " characters");
        }
        this.displayName = name;
        this.searchName = Unicode.fold(name);
    }

    /** @param newEmail an address, or null or blank for none */
    public void changeEmail(String newEmail) {
        String address = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
        if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
            throw new IllegalArgumentException("Not an e-mail address: " + newEmail);
        }
        this.email = address;
    }

    /** A disabled account cannot log in; nothing else about it changes, and it can be enabled again. */
    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /** A password chosen by an administrator, to be replaced by the user at the next login. */
    public void resetPassword(String newPasswordHash) {
        if (newPasswordHash == null || newPasswordHash.isBlank()) {
            throw new IllegalArgumentException("A password hash is required");
        }
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = true;
    }

    /** A password someone else chose (a reset or a generated one) must be replaced at the next login. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /** A new password hash, chosen by the user: any requirement to change it is met. */
    public void changePassword(String newPasswordHash) {
        if (newPasswordHash == null || newPasswordHash.isBlank()) {
            throw new IllegalArgumentException("A password hash is required");
        }
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = false;
    }

    /** The interface exists in Vietnamese ("vi") and English ("en") only. */
    public void preferLanguage(String language) {
        if (!SUPPORTED_LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Unsupported language: " + language);
        }
        this.locale = language;
    }

    /** How often the user wants notices by e-mail (without an address, they get none whatever it says). */
    public void preferEmail(EmailPreference preference) {
        this.emailPreference = Objects.requireNonNull(preference);
    }

    public EmailPreference getEmailPreference() {
        return emailPreference;
    }

    /**
     * What the audit trail keeps of an account: who it is, what it may do and where; never a password or its hash.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("username", username);
        snapshot.put("displayName", displayName);
        snapshot.put("role", role.name());
        snapshot.put("unitCode", unitCode);
        snapshot.put("email", email);
        snapshot.put("enabled", enabled);
        snapshot.put("mustChangePassword", mustChangePassword);
        return snapshot;
    }

    public Long getId() {
        return id;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getLocale() {
        return locale;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
