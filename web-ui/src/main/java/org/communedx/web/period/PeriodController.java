package org.communedx.web.period;

import java.time.LocalDate;
import java.util.List;

import org.communedx.model.RuleViolation;
import org.communedx.service.period.PeriodService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assessment periods, for provincial managers and administrators. */
@Controller
@RequestMapping("/periods")
class PeriodController {

    private static final String FORM = "period/edit";

    private final PeriodService periods;

    PeriodController(PeriodService periods) {
        this.periods = periods;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("periods", periods.list());
        return "period/list";
    }

    @GetMapping("/new")
    String newPeriod(Model model) {
        model.addAttribute("periodForm", PeriodForm.empty());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Validated @ModelAttribute("periodForm") PeriodForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // A form refused for its shape says the period's own rules of what did bind too, in the same round.
            PlanningProblems.reject(binding, form.termProblems(binding));
            return refused(model, null, binding);
        }
        List<String> overlaps = periods.newOverlaps(form.toDraft(), null);
        if (!form.overlapNeedsNoQuestion(overlaps, binding)) {
            return askAboutOverlaps(model, null, overlaps);
        }
        long id;
        try {
            id = periods.create(form.toDraft());
        }
        catch (RuleViolation violation) {
            PlanningProblems.reject(binding, violation);
            return refused(model, null, binding);
        }
        return saved(id, "period.created", redirect);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("periodForm", PeriodForm.of(periods.get(id)));
        model.addAttribute("periodId", id);
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @Validated @ModelAttribute("periodForm") PeriodForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        periods.get(id);
        model.addAttribute("periodId", id);
        if (binding.hasErrors()) {
            PlanningProblems.reject(binding, form.termProblems(binding));
            return refused(model, id, binding);
        }
        List<String> overlaps = periods.newOverlaps(form.toDraft(), id);
        LocalDate closesAfter = periods.closesAtOnce(id, form.toDraft());
        if (!form.overlapNeedsNoQuestion(overlaps, binding) || !form.closingNeedsNoQuestion(closesAfter, binding)) {
            // Every question the save raises, in one round, answered by one "Save anyway".
            if (closesAfter != null) {
                model.addAttribute("closingToAccept", closesAfter);
            }
            return overlaps.isEmpty() ? form(model, id) : askAboutOverlaps(model, id, overlaps);
        }
        try {
            periods.edit(id, form.version(), form.toDraft());
        }
        catch (RuleViolation violation) {
            PlanningProblems.reject(binding, violation);
            return refused(model, id, binding);
        }
        return saved(id, "period.saved", redirect);
    }

    /** Whether to delete a period: a page of its own, as the content security policy allows no confirm dialog. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("period", periods.get(id));
        model.addAttribute("deletable", periods.deletable(id));
        return "period/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Long version, Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("deletedPeriod", periods.delete(id, version));
        }
        catch (RuleViolation violation) {
            model.addAttribute("refusal", violation);
            return confirmDelete(id, model);
        }
        return "redirect:/periods";
    }

    /**
     * Back to the list, saying what was saved: with the periods whose days it overlaps, if any, which communes would
     * see beside it, so that a mistake shows at once (that message then takes the place of the plain one).
     */
    private String saved(long id, String messageKey, RedirectAttributes redirect) {
        List<String> overlapping = periods.overlapping(id);
        if (overlapping.isEmpty()) {
            redirect.addFlashAttribute("messageKey", messageKey);
        }
        else {
            redirect.addFlashAttribute("overlapping", overlapping);
            redirect.addFlashAttribute("savedPeriod", periods.get(id).view().name());
        }
        return "redirect:/periods";
    }

    /** The form, for a new period (null) or the one of {@code periodId}, whose own version stays a choice. */
    private String form(Model model, Long periodId) {
        model.addAttribute("frameworks", periods.frameworkChoices(periodId));
        return FORM;
    }

    /** The form again, nothing saved, asking whether the period should overlap these others; "Save anyway" saves. */
    private String askAboutOverlaps(Model model, Long periodId, List<String> overlaps) {
        model.addAttribute("overlapsToAccept", overlaps);
        return form(model, periodId);
    }

    private String refused(Model model, Long periodId, BindingResult binding) {
        PlanningProblems.mark(binding, model);
        return form(model, periodId);
    }
}
