package org.communedx.model.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.ControlCharacters;
import org.communedx.model.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What a document says about itself: its number (optional, a photo has none), title, issuing body and date, and
 * how long it holds: the day it takes effect (optional; without it, the document's date) and the last day it is
 * valid (optional; without it, it does not expire). Construction checks the rules; the dates it may carry depend on
 * today, which the caller passes.
 */
public record EvidenceMetadata(String documentNumber, String title, String issuingBody, LocalDate documentDate,
        LocalDate effectiveDate, LocalDate validUntil) {

    /** A document that takes effect when uploaded and does not expire. */
    public EvidenceMetadata(String documentNumber, String title, String issuingBody, LocalDate documentDate) {
        this(documentNumber, title, issuingBody, documentDate, null, null);
    }

    /** Vietnam's first state documents date from 2 September 1945; nothing older is evidence of this work. */
    static final LocalDate EARLIEST = LocalDate.of(1945, 9, 2);

    public EvidenceMetadata {
        documentNumber = strip(documentNumber);
        title = strip(title);
        issuingBody = strip(issuingBody);
        if (ControlCharacters.in(documentNumber) || ControlCharacters.in(title) || ControlCharacters.in(issuingBody)) {
            throw new RuleViolation("evidence.refused.controlCharacter");
        }
        if (documentNumber != null && documentNumber.length() > 100) {
            throw new RuleViolation("evidence.refused.documentNumberTooLong", 100);
        }
        if (title == null) {
            throw new RuleViolation("evidence.refused.titleRequired");
        }
        if (title.length() > 255) {
            throw new RuleViolation("evidence.refused.titleTooLong", 255);
        }
        if (issuingBody == null) {
            throw new RuleViolation("evidence.refused.issuingBodyRequired");
        }
        if (issuingBody.length() > 255) {
            throw new RuleViolation("evidence.refused.issuingBodyTooLong", 255);
        }
        if (documentDate == null) {
            throw new RuleViolation("evidence.refused.dateRequired");
        }
        requireSinceEarliest(documentDate, "evidence.refused.dateTooEarly");
        requireSinceEarliest(effectiveDate, "evidence.refused.effectiveDateTooEarly");
        requireValidityOrder(effectiveDate, validUntil);
    }

    /**
     * Every rule the dates break, each once, for a form that says them all in one round rather than one a try (a
     * phone on a slow link sends its file again with each): what construction, {@link #requireNotAfter} and
     * {@link #requireValidDuring} refuse one at a time. A date not given (or not read) breaks none.
     */
    public static List<RuleViolation> dateProblems(@Nullable LocalDate documentDate, @Nullable LocalDate effectiveDate,
            @Nullable LocalDate validUntil, LocalDate today, LocalDate periodStart, LocalDate periodEnd) {
        List<RuleViolation> problems = new ArrayList<>();
        List<Runnable> checks = List.of(
                () -> requireSinceEarliest(documentDate, "evidence.refused.dateTooEarly"),
                () -> requireNotAfter(documentDate, today),
                () -> requireSinceEarliest(effectiveDate, "evidence.refused.effectiveDateTooEarly"),
                () -> requireEffectiveBy(effectiveDate, periodEnd),
                () -> requireValidityOrder(effectiveDate, validUntil),
                () -> requireNotExpiredBefore(validUntil, periodStart));
        for (Runnable check : checks) {
            try {
                check.run();
            }
            catch (RuleViolation problem) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static void requireSinceEarliest(@Nullable LocalDate date, String messageKey) {
        if (date != null && date.isBefore(EARLIEST)) {
            throw new RuleViolation(messageKey);
        }
    }

    /** Refuses a valid-until day before the day the document takes effect. */
    static void requireValidityOrder(@Nullable LocalDate effectiveDate, @Nullable LocalDate validUntil) {
        if (effectiveDate != null && validUntil != null && validUntil.isBefore(effectiveDate)) {
            throw new RuleViolation("evidence.refused.validityOrder");
        }
    }

    /** Refuses a document dated after today. */
    public EvidenceMetadata requireNotAfter(LocalDate today) {
        requireNotAfter(documentDate, today);
        return this;
    }

    private static void requireNotAfter(@Nullable LocalDate documentDate, LocalDate today) {
        if (documentDate != null && documentDate.isAfter(today)) {
            throw new RuleViolation("evidence.refused.dateInFuture");
        }
    }

    /**
     * Refuses a document whose validity ended before the period began, or began after it ended: it never held during
     * the period, so it is no evidence for it (a date typed as 31/12/9999 was listed as in force from then). Only an
     * effective date given counts here: one left empty is the document's date, and a report dated after the period,
     * about it (a year's report of January), is evidence for it.
     */
    public EvidenceMetadata requireValidDuring(LocalDate periodStart, LocalDate periodEnd) {
        requireNotExpiredBefore(validUntil, periodStart);
        requireEffectiveBy(effectiveDate, periodEnd);
        return this;
    }

    private static void requireNotExpiredBefore(@Nullable LocalDate validUntil, LocalDate periodStart) {
        if (validUntil != null && validUntil.isBefore(periodStart)) {
            throw new RuleViolation("evidence.refused.expiredBeforePeriod", validUntil, periodStart);
        }
    }

    private static void requireEffectiveBy(@Nullable LocalDate effectiveDate, LocalDate periodEnd) {
        if (effectiveDate != null && effectiveDate.isAfter(periodEnd)) {
            throw new RuleViolation("evidence.refused.effectiveAfterPeriod", effectiveDate, periodEnd);
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
