package org.communedx.model.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.communedx.model.assessment.CriterionEntry;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One evidence file of a criterion entry: which bytes (by SHA-256), what kind, under which names, and what the
 * document says about itself. Immutable once stored: evidence is removed and uploaded again, never edited.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id")
    private CriterionEntry entry;

    @Column(nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "stored_name", nullable = false)
    private String storedName;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "document_number")
    private String documentNumber;

    @Column(nullable = false)
    private String title;

    @Column(name = "issuing_body", nullable = false)
    private String issuingBody;

    @Column(name = "document_date", nullable = false)
    private LocalDate documentDate;

    /** The day the document takes effect: as given at upload, else the document's date. */
    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    /** The last day the document is valid; null when it does not expire. */
    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Evidence() {
    }

    /**
     * @param storedName a safe name: ASCII letters, digits, dot, dash and underscore, at most 255 characters
     * @param originalName the name the user gave, at most 255 characters; it is only ever displayed, escaped
     */
    public Evidence(CriterionEntry entry, String sha256, long sizeBytes, EvidenceType type, String storedName,
            String originalName, EvidenceMetadata metadata, String uploadedBy, Instant uploadedAt) {
        if (entry == null || metadata == null || type == null || uploadedBy == null || uploadedAt == null) {
            throw new IllegalArgumentException("entry, type, metadata, uploader and time are required");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("Evidence cannot be empty");
        }
        if (storedName == null || !SAFE_NAME.matcher(storedName).matches()) {
            throw new IllegalArgumentException("Not a safe stored name: " + storedName);
        }
        if (originalName == null || originalName.isEmpty() || originalName.length() > 255) {
            throw new IllegalArgumentException("The original name must have 1 to 255 characters");
        }
        this.entry = entry;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.mediaType = type.mediaType();
        this.storedName = storedName;
        this.originalName = originalName;
        this.documentNumber = metadata.documentNumber();
        this.title = metadata.title();
        this.issuingBody = metadata.issuingBody();
        this.documentDate = metadata.documentDate();
        // An administrative document takes effect on its date unless it says otherwise: a 2025 decision uploaded in
        // 2026 read "in effect from" the upload's day.
        this.effectiveDate = metadata.effectiveDate() != null ? metadata.effectiveDate() : metadata.documentDate();
        this.validUntil = metadata.validUntil();
        EvidenceMetadata.requireValidityOrder(effectiveDate, validUntil);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** What the audit trail records of the file. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("entryId", entry.getId());
        snapshot.put("sha256", sha256);
        snapshot.put("sizeBytes", sizeBytes);
        snapshot.put("mediaType", mediaType);
        snapshot.put("originalName", originalName);
        snapshot.put("documentNumber", documentNumber);
        snapshot.put("title", title);
        snapshot.put("issuingBody", issuingBody);
        snapshot.put("documentDate", documentDate.toString());
        snapshot.put("effectiveDate", effectiveDate.toString());
        snapshot.put("validUntil", validUntil == null ? null : validUntil.toString());
        return snapshot;
    }

    public EvidenceType type() {
        return EvidenceType.ofMediaType(mediaType).orElseThrow();
    }

    public Long getId() {
        return id;
    }

    public CriterionEntry getEntry() {
        return entry;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getStoredName() {
        return storedName;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getIssuingBody() {
        return issuingBody;
    }

    public LocalDate getDocumentDate() {
        return documentDate;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    /** Whether the document is past its last valid day on {@code today} (Vietnam's date). */
    public boolean isExpiredOn(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
