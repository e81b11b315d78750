package org.communedx.web.period;

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
            return form(model, null);
        }
        try {
            periods.create(form.toDraft());
        }
        catch (RuleViolation violation) {
            binding.reject(violation.messageKey(), violation.arguments().toArray(), null);
            return form(model, null);
        }
        redirect.addFlashAttribute("messageKey", "period.created");
        return "redirect:/periods";
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
            return form(model, id);
        }
        try {
            periods.edit(id, form.version(), form.toDraft());
        }
        catch (RuleViolation violation) {
            binding.reject(violation.messageKey(), violation.arguments().toArray(), null);
            return form(model, id);
        }
        redirect.addFlashAttribute("messageKey", "period.saved");
        return "redirect:/periods";
    }

    /** The form, for a new period (null) or the one of {@code periodId}, whose own version stays a choice. */
    private String form(Model model, Long periodId) {
        model.addAttribute("frameworks", periods.frameworkChoices(periodId));
        return FORM;
    }
}
