package org.communedx.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An official who logs in. Everyone but an administrator belongs to a unit, which bounds what they see. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public static final List<String> SUPPORTED_LANGUAGES = List.of("vi", "en");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "unit_code")
    private String unitCode;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private String locale = "vi";

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Role role, String unitCode,
            Instant createdAt) {
        if ((role == Role.ADMIN) != (unitCode == null)) {
            throw new IllegalArgumentException("An administrator has no unit, and every other role has one");
        }
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unitCode = unitCode;
        this.createdAt = createdAt;
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

    public void recordLogin(Instant at) {
        this.lastLoginAt = at;
    }

    public Long getId() {
        return id;
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
