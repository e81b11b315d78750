package org.communedx.web.period;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The fields that a period's or a plan's own rule is about, so that the form marks them beside the rule's message in
 * the refusals above it (fragments/planning): "the deadline is before the start" marks both dates, and a screen
 * reader on either hears that it is invalid and what is wrong with it.
 */
final class PlanningProblems {

    private static final Map<String, List<String>> FIELDS = Map.of(
            "period.invalid.year", List.of("year"),
            "period.invalid.yearOutsideDates", List.of("year", "startDate", "endDate"),
            "period.invalid.datesOrder", List.of("startDate", "endDate"),
            "period.invalid.deadlineBeforeStart", List.of("startDate", "submissionDeadline"),
            "period.invalid.graceDays", List.of("graceDays"),
            "plan.invalid.targetPercent", List.of("targetPercent"),
            "plan.invalid.targetCommunes", List.of("targetCommunes"),
            "plan.invalid.datesOrder", List.of("startDate", "deadline"));

    private PlanningProblems() {
    }

    /** Gives a refused form's page the fields that its refused rules are about. */
    static void mark(BindingResult binding, Model model) {
        Set<String> fields = binding.getGlobalErrors().stream()
                .flatMap(error -> FIELDS.getOrDefault(error.getCode(), List.of()).stream())
                .collect(Collectors.toUnmodifiableSet());
        model.addAttribute("problemFields", fields);
    }
}
