package org.communedx.model.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.communedx.model.RuleViolation;
import org.communedx.model.user.Role;

/**
 * A credential for the API, issued to a system or a person, that acts with its own role and unit until it expires or
 * is revoked. Only the SHA-256 of its secret is kept (V25); the secret itself is shown once, when it is issued.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false, updatable = false)
    private byte[] secretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(name = "unit_code", updatable = false)
    private String unitCode;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    /** Written by its own statement (ApiTokens), never through the entity: see there why. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {
    }

    /**
     * @param secretHash the SHA-256 of the secret, 32 bytes
     * @param unitCode null for an administrator's token, a unit for every other role
     */
    public ApiToken(String name, byte[] secretHash, Role role, String unitCode, String createdBy, Instant createdAt,
            Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("A token's name has 1 to " + MAX_NAME + " characters");
        }
        if (secretHash == null || secretHash.length != 32) {
            throw new IllegalArgumentException("A token keeps the 32-byte SHA-256 of its secret");
        }
        if ((role == Role.ADMIN) != (unitCode == null)) {
            throw new IllegalArgumentException("An administrator's token has no unit; every other one has one");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A token expires after it is issued");
        }
        this.name = name;
        this.secretHash = secretHash.clone();
        this.role = role;
        this.unitCode = unitCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** @throws RuleViolation when it was revoked already: a revocation is recorded once, with who made it */
    public void revoke(String by, Instant at) {
        if (revokedAt != null) {
            throw new RuleViolation("apiTokens.problem.revokedAlready");
        }
        this.revokedAt = at;
        this.revokedBy = by;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public byte[] getSecretHash() {
        return secretHash.clone();
    }

    public Role getRole() {
        return role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
