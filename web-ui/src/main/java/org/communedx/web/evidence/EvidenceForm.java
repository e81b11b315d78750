package org.communedx.web.evidence;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.evidence.EvidenceMetadata;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The text fields of an upload, beside the file field {@code file}. Messages are keys, shown in the user's
 * language on the entry page; the rules that depend on today (no future date) are the domain's.
 */
public record EvidenceForm(@Size(max = NUMBER_MAX, message = "evidence.refused.documentNumberTooLong") String documentNumber,
        @NotBlank(message = "evidence.refused.titleRequired") @Size(max = TEXT_MAX, message = "evidence.refused.titleTooLong") String title,
        @NotBlank(message = "evidence.refused.issuingBodyRequired") @Size(max = TEXT_MAX, message = "evidence.refused.issuingBodyTooLong") String issuingBody,
        @NotNull(message = "evidence.refused.dateRequired") LocalDate documentDate,
        LocalDate effectiveDate,
        LocalDate validUntil) implements Serializable {

    /** The fields in the order the upload form shows them, the file first: refusals are listed so. */
    static final List<String> FIELDS = List.of("file", "title", "documentNumber", "documentDate", "issuingBody",
            "effectiveDate", "validUntil");

    static final int NUMBER_MAX = 100;

    static final int TEXT_MAX = 255;

    /** The refusal of a date the browser sent in another shape, followed by the field's name. */
    private static final String NOT_A_DATE = "evidence.refused.notADate.";

    /** The form with only the dates that were read: one the browser sent in another shape is refused as such. */
    EvidenceForm withDatesRead(BindingResult binding) {
        return new EvidenceForm(documentNumber, title, issuingBody,
                binding.hasFieldErrors("documentDate") ? null : documentDate,
                binding.hasFieldErrors("effectiveDate") ? null : effectiveDate,
                binding.hasFieldErrors("validUntil") ? null : validUntil);
    }

    /** Without an effective date the document takes effect on its date (the entity's rule). */
    public EvidenceMetadata toMetadata() {
        return new EvidenceMetadata(documentNumber, title, issuingBody, documentDate, effectiveDate, validUntil);
    }

    /**
     * The message key of a refused field: the constraint's own, or, for a date that is not one (typed by hand where
     * the browser has no date picker, or sent through the API), the field's.
     */
    public static String messageKey(FieldError error) {
        return error.isBindingFailure() ? NOT_A_DATE + error.getField() : error.getDefaultMessage();
    }

    /**
     * The field a refusal of the service is about, for the API's errors: the metadata's own rules (a date in the
     * future, a validity that ends before it begins) name their field; the rest are the file's.
     */
    public static String fieldOf(String messageKey) {
        if (messageKey.startsWith(NOT_A_DATE)) {
            return messageKey.substring(NOT_A_DATE.length());
        }
        return switch (messageKey) {
            case "evidence.refused.dateInFuture", "evidence.refused.dateRequired", "evidence.refused.dateTooEarly" ->
                "documentDate";
            case "evidence.refused.effectiveDateTooEarly", "evidence.refused.effectiveAfterPeriod" -> "effectiveDate";
            case "evidence.refused.validityOrder", "evidence.refused.expiredBeforePeriod" -> "validUntil";
            case "evidence.refused.documentNumberTooLong" -> "documentNumber";
            case "evidence.refused.titleRequired", "evidence.refused.titleTooLong" -> "title";
            case "evidence.refused.issuingBodyRequired", "evidence.refused.issuingBodyTooLong" -> "issuingBody";
            default -> "file";
        };
    }

    /** The id of a field's input in the upload form (fragments/evidence.html). */
    static String inputId(String field) {
        return switch (field) {
            case "title" -> "evidence-title";
            case "documentNumber" -> "evidence-number";
            case "documentDate" -> "evidence-date";
            case "issuingBody" -> "evidence-issuer";
            case "effectiveDate" -> "evidence-effective";
            case "validUntil" -> "evidence-valid-until";
            default -> "evidence-file";
        };
    }

    /**
     * The fields to fill the form with again after a refusal, so that the user chooses another file without typing
     * the rest again. It waits in the session until the next page, so a text over its limit is cut there.
     */
    EvidenceForm refill() {
        return new EvidenceForm(within(documentNumber, NUMBER_MAX), within(title, TEXT_MAX),
                within(issuingBody, TEXT_MAX), documentDate, effectiveDate, validUntil);
    }

    private static String within(String text, int max) {
        return text != null && text.length() > max ? text.substring(0, max) : text;
    }
}
