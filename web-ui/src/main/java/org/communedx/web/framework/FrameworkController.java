package org.communedx.web.framework;

import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.service.framework.FrameworkCatalogue;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class FrameworkController {

    private final FrameworkCatalogue catalogue;

    FrameworkController(FrameworkCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/frameworks")
    String list(Model model) {
        model.addAttribute("frameworks", catalogue.versions());
        return "framework/list";
    }

    @GetMapping("/frameworks/{code}/{version}")
    String show(@PathVariable String code, @PathVariable String version, Model model) {
        model.addAttribute("framework", catalogue.version(code, version));
        if (!model.containsAttribute("cloneForm")) {
            model.addAttribute("cloneForm", new CloneForm(""));
        }
        return "framework/show";
    }

    @PostMapping("/frameworks/{code}/{version}/clone")
    String cloneToDraft(@PathVariable String code, @PathVariable String version,
            @Validated @ModelAttribute("cloneForm") CloneForm form, BindingResult binding,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                FrameworkSummary draft = catalogue.cloneToDraft(code, version, form.newVersion().strip());
                redirect.addFlashAttribute("messageKey", "framework.cloned");
                return "redirect:/frameworks/" + draft.code() + "/" + draft.version();
            }
            catch (FrameworkRuleViolation taken) {
                // A version already there: said at the field, which keeps what was typed.
                taken.problems().forEach(problem -> binding.rejectValue("newVersion", problem.messageKey(),
                        problem.arguments().toArray(), null));
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.cloneForm", binding);
        redirect.addFlashAttribute("cloneForm", form);
        return "redirect:/frameworks/{code}/{version}";
    }

    /**
     * Publishing freezes a version for good, and retiring takes it from new periods for good: each asks on a page of
     * its own first, which changes nothing.
     */
    @GetMapping("/frameworks/{code}/{version}/publish")
    String confirmPublish(@PathVariable String code, @PathVariable String version, Model model) {
        return confirm(code, version, "publish", model);
    }

    @GetMapping("/frameworks/{code}/{version}/retire")
    String confirmRetire(@PathVariable String code, @PathVariable String version, Model model) {
        return confirm(code, version, "retire", model);
    }

    /** A draft made by mistake is thrown away, after a page that asks, as for publishing. */
    @GetMapping("/frameworks/{code}/{version}/discard")
    String confirmDiscard(@PathVariable String code, @PathVariable String version, Model model) {
        return confirm(code, version, "discard", model);
    }

    private String confirm(String code, String version, String action, Model model) {
        model.addAttribute("framework", catalogue.version(code, version));
        model.addAttribute("action", action);
        return "framework/confirm";
    }

    @PostMapping("/frameworks/{code}/{version}/publish")
    String publish(@PathVariable String code, @PathVariable String version, RedirectAttributes redirect) {
        catalogue.publish(code, version);
        redirect.addFlashAttribute("messageKey", "framework.published");
        return "redirect:/frameworks/{code}/{version}";
    }

    @PostMapping("/frameworks/{code}/{version}/discard")
    String discard(@PathVariable String code, @PathVariable String version, RedirectAttributes redirect) {
        redirect.addFlashAttribute("discardedFramework", catalogue.discardDraft(code, version));
        return "redirect:/frameworks";
    }

    @PostMapping("/frameworks/{code}/{version}/retire")
    String retire(@PathVariable String code, @PathVariable String version, RedirectAttributes redirect) {
        catalogue.retire(code, version);
        redirect.addFlashAttribute("messageKey", "framework.retired");
        return "redirect:/frameworks/{code}/{version}";
    }
}
