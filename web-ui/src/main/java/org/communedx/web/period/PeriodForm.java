package org.communedx.web.period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.RuleViolation;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodTerms;
import org.communedx.service.period.PeriodService;
import org.communedx.service.period.PlanningViews.Editing;
import org.communedx.service.period.PlanningViews.PeriodDraft;
import org.communedx.service.period.PlanningViews.PeriodView;

import org.springframework.validation.BindingResult;

/**
 * A period as the form sends it; whether the dates fit together is the entity's rule. An empty grace is none. Whole
 * numbers arrive as BigDecimal, so that a fraction is a message on its field and not a failed conversion, which
 * would bring the form back with its dates blank (as {@link PlanForm}'s).
 */
record PeriodForm(@NotBlank @Size(max = 100) String name,
        @NotNull @Min(2000) @Max(2100) @Digits(integer = 4, fraction = 0) BigDecimal year,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull LocalDate submissionDeadline,
        @Min(0) @Max(Period.MAX_GRACE_DAYS) @Digits(integer = 3, fraction = 0) BigDecimal graceDays,
        @NotNull Long frameworkId, Long version, Boolean overlapAccepted, List<String> acceptedOverlaps,
        LocalDate acceptedClosing) {

    static PeriodForm empty() {
        return new PeriodForm(null, null, null, null, null, BigDecimal.ZERO, null, null, null, null, null);
    }

    static PeriodForm of(Editing<PeriodView> editing) {
        PeriodView period = editing.view();
        return new PeriodForm(period.name(), BigDecimal.valueOf(period.year()), period.startDate(), period.endDate(),
                period.submissionDeadline(), BigDecimal.valueOf(period.graceDays()), period.frameworkId(),
                editing.version(), null, null, null);
    }

    /**
     * Whether to save without asking about the periods it would newly overlap ({@link PeriodService#newOverlaps}):
     * there are none, or the administrator was asked about each of them and chose "Save anyway" (dates changed after
     * the question may overlap others, asked about anew), or the terms break a rule, which the save refuses first.
     */
    boolean overlapNeedsNoQuestion(List<String> overlaps, BindingResult binding) {
        return overlaps.isEmpty() || Boolean.TRUE.equals(overlapAccepted) && acceptedOverlaps != null
                && acceptedOverlaps.containsAll(overlaps) || !termProblems(binding).isEmpty();
    }

    /**
     * Whether to save without asking about closing the period to the communes at once ({@link
     * PeriodService#closesAtOnce}): it would not, or the administrator was asked about that very day and chose "Save
     * anyway" (the same button as for overlaps, which the question shares), or the terms break a rule, refused first.
     */
    boolean closingNeedsNoQuestion(LocalDate closesAfter, BindingResult binding) {
        return closesAfter == null || Boolean.TRUE.equals(overlapAccepted) && closesAfter.equals(acceptedClosing)
                || !termProblems(binding).isEmpty();
    }

    /**
     * The period's own rules ({@link Period#termProblems}) on whatever bound, for a form refused for its shape: told in
     * the same round, rather than after the shape is mended. A rule about a field that did not bind, or was left
     * empty, is left to that field's own message.
     */
    List<RuleViolation> termProblems(BindingResult binding) {
        int boundYear = year == null || binding.hasFieldErrors("year") ? 0 : year.intValue();
        int boundGrace = graceDays == null || binding.hasFieldErrors("graceDays") ? 0 : graceDays.intValue();
        return PlanningProblems.beyondFieldErrors(Period.termProblems(new PeriodTerms(name, boundYear, startDate,
                endDate, submissionDeadline, boundGrace)), binding);
    }

    PeriodDraft toDraft() {
        // Left empty (or not sent, as by a form from before the grace existed), no grace.
        return new PeriodDraft(name, year.intValueExact(), startDate, endDate, submissionDeadline,
                graceDays == null ? 0 : graceDays.intValueExact(), frameworkId);
    }
}
