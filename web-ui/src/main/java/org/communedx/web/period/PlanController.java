package org.communedx.web.period;

import org.communedx.model.RuleViolation;
import org.communedx.service.NotFoundException;
import org.communedx.service.period.PlanService;

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

/**
 * Plans within the caller's scope. A unit code typed into the form that lies outside the scope gets the same
 * message as one that does not exist; a plan id outside it is a 404.
 */
@Controller
@RequestMapping("/plans")
class PlanController {

    private static final String FORM = "plan/edit";

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("plans", plans.list());
        return "plan/list";
    }

    @GetMapping("/new")
    String newPlan(Model model) {
        model.addAttribute("planForm", PlanForm.empty());
        return FORM;
    }

    @PostMapping("/new")
    String create(@Validated @ModelAttribute("planForm") PlanForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            PlanningProblems.reject(binding, form.termProblems(binding));
            PlanningProblems.reject(binding, plans.unitProblems(form.unitsDraft(binding)));
            return refused(binding, model);
        }
        try {
            plans.create(form.toDraft());
        }
        catch (RuleViolation | NotFoundException refused) {
            reject(binding, refused);
            return refused(binding, model);
        }
        redirect.addFlashAttribute("messageKey", "plan.created");
        return "redirect:/plans";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("planForm", PlanForm.of(plans.get(id)));
        model.addAttribute("planId", id);
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @Validated @ModelAttribute("planForm") PlanForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        plans.get(id);
        model.addAttribute("planId", id);
        if (binding.hasErrors()) {
            PlanningProblems.reject(binding, form.termProblems(binding));
            PlanningProblems.reject(binding, plans.unitProblems(form.unitsDraft(binding)));
            return refused(binding, model);
        }
        try {
            plans.edit(id, form.version(), form.toDraft());
        }
        catch (RuleViolation | NotFoundException refused) {
            reject(binding, refused);
            return refused(binding, model);
        }
        redirect.addFlashAttribute("messageKey", "plan.saved");
        return "redirect:/plans";
    }

    private static String refused(BindingResult binding, Model model) {
        PlanningProblems.mark(binding, model);
        return FORM;
    }

    private static void reject(BindingResult binding, RuntimeException refused) {
        if (refused instanceof RuleViolation violation) {
            PlanningProblems.reject(binding, violation);
        }
        else {
            binding.reject("plan.invalid.planOutOfReach");
        }
    }
}
