package org.communedx.web.evidence;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.evidence.EvidenceMetadata;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The text fields of an upload, beside the file field {@code file}. Messages are keys, shown in the user's
 * language on the entry page; the rules that depend on today (no future date) are the domain's.
 */
public record EvidenceForm(@Size(max = 100, message = "evidence.refused.documentNumberTooLong") String documentNumber,
        @NotBlank(message = "evidence.refused.titleRequired") @Size(max = 255, message = "evidence.refused.titleTooLong") String title,
        @NotBlank(message = "evidence.refused.issuingBodyRequired") @Size(max = 255, message = "evidence.refused.issuingBodyTooLong") String issuingBody,
        @NotNull(message = "evidence.refused.dateRequired") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

    /** Without an effective date the document takes effect on the day it is uploaded (the entity's rule). */
    public EvidenceMetadata toMetadata() {
        return new EvidenceMetadata(documentNumber, title, issuingBody, documentDate, effectiveDate, validUntil);
    }
}
