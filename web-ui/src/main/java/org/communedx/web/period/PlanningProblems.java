package org.communedx.web.period;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.communedx.model.RuleViolation;
import org.communedx.model.period.TermsRefused;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The fields that a period's or a plan's own rule is about, so that the form marks them beside the rule's message in
 * the refusals above it (fragments/planning): "the deadline is before the start" marks both dates, and a screen
 * reader on either hears that it is invalid and what is wrong with it.
 */
final class PlanningProblems {

    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("period.invalid.name", List.of("name")),
            Map.entry("period.invalid.datesMissing", List.of("startDate", "endDate", "submissionDeadline")),
            Map.entry("period.invalid.year", List.of("year")),
            Map.entry("period.invalid.yearOutsideDates", List.of("year", "startDate", "endDate")),
            Map.entry("period.invalid.datesOrder", List.of("startDate", "endDate")),
            Map.entry("period.invalid.tooLong", List.of("startDate", "endDate")),
            Map.entry("period.invalid.deadlineBeforeStart", List.of("startDate", "submissionDeadline")),
            Map.entry("period.invalid.graceDays", List.of("graceDays")),
            Map.entry("plan.invalid.nameTaken", List.of("name")),
            Map.entry("plan.invalid.targetPercent", List.of("targetPercent")),
            // The target's count against the participants': neither said while the communes are still to be corrected.
            Map.entry("plan.invalid.targetCommunes", List.of("targetCommunes", "participants")),
            Map.entry("plan.invalid.datesMissing", List.of("startDate", "deadline")),
            Map.entry("plan.invalid.datesOrder", List.of("startDate", "deadline")),
            Map.entry("plan.invalid.goneByScoringPeriod", List.of("deadline")));

    private PlanningProblems() {
    }

    /** Each reason the service refused the terms for, on the form ({@link TermsRefused}: all of them, at once). */
    static void reject(BindingResult binding, RuleViolation refused) {
        reject(binding, refused instanceof TermsRefused terms ? terms.problems() : List.of(refused));
    }

    /** The problems, each as a rule of the whole form, listed above it. */
    static void reject(BindingResult binding, List<RuleViolation> problems) {
        problems.forEach(problem -> binding.reject(problem.messageKey(), problem.arguments().toArray(), null));
    }

    /**
     * Of the terms' problems, those the form's own field errors do not already say: a rule about a field that did not
     * bind (a year of "20x7") is that field's message alone.
     */
    static List<RuleViolation> beyondFieldErrors(List<RuleViolation> problems, BindingResult binding) {
        return problems.stream().filter(problem -> FIELDS.getOrDefault(problem.messageKey(), List.of()).stream()
                .noneMatch(binding::hasFieldErrors)).toList();
    }

    /** Gives a refused form's page the fields that its refused rules are about. */
    static void mark(BindingResult binding, Model model) {
        Set<String> fields = binding.getGlobalErrors().stream()
                .flatMap(error -> FIELDS.getOrDefault(error.getCode(), List.of()).stream())
                .collect(Collectors.toUnmodifiableSet());
        model.addAttribute("problemFields", fields);
    }
}
