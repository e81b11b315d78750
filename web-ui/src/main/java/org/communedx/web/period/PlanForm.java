package org.communedx.web.period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.communedx.model.RuleViolation;
import org.communedx.model.period.Plan;
import org.communedx.model.period.PlanTerms;
import org.communedx.service.period.PlanningViews.Editing;
import org.communedx.service.period.PlanningViews.PlanDraft;
import org.communedx.service.period.PlanningViews.PlanView;

import org.springframework.validation.BindingResult;

/**
 * A plan as the form sends it. Communes are GSO codes separated by spaces, commas or lines, so that the form
 * works without script for a district of 25 communes or a province of 600. Whole numbers arrive as BigDecimal: a
 * fraction or a 20-digit number is then a message on its field, where a failed conversion would leave Spring no form
 * object to show the rest from, and the form would come back with its other numbers and dates blank. Their ranges
 * are the plan's own rules ({@code Plan.termProblems}), listed with its other problems at once rather than a round
 * before them.
 */
record PlanForm(@NotBlank @Size(max = 300) String name, @NotBlank @Pattern(regexp = "[0-9]{2,3}") String scopeUnitCode,
        @NotBlank @Pattern(regexp = "[0-9,;\\s]*") String participants, @Pattern(regexp = "[0-9,;\\s]*") String pilots,
        @NotNull @Digits(integer = 3, fraction = 0) BigDecimal targetPercent,
        @NotNull @Digits(integer = 5, fraction = 0) BigDecimal targetCommunes,
        @NotNull LocalDate startDate,
        @NotNull LocalDate deadline, Long version) {

    static PlanForm empty() {
        return new PlanForm(null, null, null, null, null, null, null, null, null);
    }

    static PlanForm of(Editing<PlanView> editing) {
        PlanView plan = editing.view();
        return new PlanForm(plan.name(), plan.scopeUnitCode(), String.join(" ", plan.participantCodes()),
                String.join(" ", plan.pilotCodes()), BigDecimal.valueOf(plan.targetPercent()),
                BigDecimal.valueOf(plan.targetCommunes()), plan.startDate(), plan.deadline(), editing.version());
    }

    PlanDraft toDraft() {
        return new PlanDraft(name, scopeUnitCode, codes(participants), codes(pilots), targetPercent.intValueExact(),
                targetCommunes.intValueExact(), startDate, deadline);
    }

    /**
     * The plan's own rules on its terms ({@link Plan#termProblems}) on whatever bound, for a form refused for its
     * shape: told in the same round, rather than after the shape is mended. A rule about a field that did not bind,
     * or was left empty, is left to that field's own message ({@link PlanningProblems#beyondFieldErrors}).
     */
    List<RuleViolation> termProblems(BindingResult binding) {
        int percent = targetPercent == null || binding.hasFieldErrors("targetPercent") ? 1 : targetPercent.intValue();
        int communes = targetCommunes == null || binding.hasFieldErrors("targetCommunes") ? 1
                : targetCommunes.intValue();
        return PlanningProblems.beyondFieldErrors(Plan.termProblems(new PlanTerms(name, percent, communes,
                startDate, deadline), codes(participants).size()), binding);
    }

    /**
     * The codes and dates that bound, for the service to say what is wrong with the units in the same round as the
     * fields' messages ({@code PlanService.unitProblems}). A code field refused for its shape is left out, and the
     * pilots with the participants they must be among.
     */
    PlanDraft unitsDraft(BindingResult binding) {
        boolean participantsBound = !binding.hasFieldErrors("participants");
        return new PlanDraft(name, binding.hasFieldErrors("scopeUnitCode") ? null : scopeUnitCode,
                participantsBound ? codes(participants) : List.of(),
                participantsBound && !binding.hasFieldErrors("pilots") ? codes(pilots) : List.of(), 0, 0,
                binding.hasFieldErrors("startDate") ? null : startDate,
                binding.hasFieldErrors("deadline") ? null : deadline);
    }

    private static List<String> codes(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,;\\s]+")).filter(code -> !code.isBlank()).toList();
    }
}
