package org.communedx.service.evidence;

import java.time.Instant;
import java.time.LocalDate;

import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceType;

/** What the evidence service returns: plain records, so that no template lazy-loads. */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    /**
     * One file of an entry.
     * @param originalName the name as the user gave it; display it escaped ({@code th:text}), never as markup
     * @param storedName a safe ASCII name, for headers
     */
    public record EvidenceView(long id, long entryId, EvidenceType type, long sizeBytes, String storedName,
            String originalName, String documentNumber, String title, String issuingBody, LocalDate documentDate,
            String uploadedBy, Instant uploadedAt, LocalDate effectiveDate, LocalDate validUntil, boolean expired) {

        /** @param today Vietnam's date, on which {@code expired} is judged */
        static EvidenceView of(Evidence evidence, LocalDate today) {
            return new EvidenceView(evidence.getId(), evidence.getEntry().getId(), evidence.type(),
                    evidence.getSizeBytes(), evidence.getStoredName(), evidence.getOriginalName(),
                    evidence.getDocumentNumber(), evidence.getTitle(), evidence.getIssuingBody(),
                    evidence.getDocumentDate(), evidence.getUploadedBy(), evidence.getUploadedAt(),
                    evidence.getEffectiveDate(), evidence.getValidUntil(), evidence.isExpiredOn(today));
        }

        /** The name a download is saved under: the display name, ending in the detected type's extension. */
        public String downloadName() {
            return FileNames.download(originalName, type);
        }

        public boolean image() {
            return type.isImage();
        }

        public boolean inline() {
            return type.isInline();
        }

        public String mediaType() {
            return type.mediaType();
        }
    }

    /**
     * The evidence of one entry, and whether the current user may add or remove files now.
     * @param entryId null before the commune's first write in the period stores the entry
     */
    public record EvidenceList(Long entryId, boolean canChange, java.util.List<EvidenceView> files) {
    }
}
