package org.communedx.web.entry;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.evidence.EvidenceService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The criterion entry page and its workflow actions. Every action is a small form carrying the entry's version;
 * a conflict or a refused move comes back to the page with a message and the entry as it now is, so that
 * nothing is overwritten silently. Who may do what is the workflow's rule.
 */
@Controller
@RequestMapping("/entries/{entryId}")
class EntryController {

    private static final String PAGE = "entry/show";

    private final AssessmentWorkflow workflow;

    private final MessageSource messages;

    private final EvidenceService evidence;

    EntryController(AssessmentWorkflow workflow, EvidenceService evidence, MessageSource messages) {
        this.workflow = workflow;
        this.evidence = evidence;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable long entryId, Model model) {
        EntryDetail detail = workflow.detail(entryId);
        if (!model.containsAttribute("valueForm")) {
            model.addAttribute("valueForm", ValueForm.of(detail.entry()));
        }
        return page(detail, model);
    }

    @PostMapping("/value")
    String saveValue(@PathVariable long entryId, @ModelAttribute("valueForm") ValueForm form, BindingResult binding,
            Model model, RedirectAttributes redirect, Locale locale) {
        EntryDetail detail = workflow.detail(entryId);
        EntryValue value = form.toValue(detail.entry().type(), binding);
        if (binding.hasErrors()) {
            return page(detail, model);
        }
        return act(entryId, "entry.saved", redirect, locale,
                () -> workflow.saveValue(entryId, form.getVersion(), value, form.getExplanation()));
    }

    @PostMapping("/submit")
    String submit(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.submitted", redirect, locale, () -> workflow.submit(entryId, version));
    }

    @PostMapping("/not-applicable")
    String requestNotApplicable(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String explanation, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.notApplicableRequested", redirect, locale,
                () -> workflow.requestNotApplicable(entryId, version, explanation));
    }

    @PostMapping("/approve")
    String approve(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.approved", redirect, locale, () -> workflow.approve(entryId, version));
    }

    @PostMapping("/return")
    String returnWithReason(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.returned", redirect, locale,
                () -> workflow.returnWithReason(entryId, version, reason));
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.reopened", redirect, locale, () -> workflow.reopen(entryId, version, reason));
    }

    @PostMapping("/approve-not-applicable")
    String approveNotApplicable(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.notApplicableApproved", redirect, locale,
                () -> workflow.approveNotApplicable(entryId, version));
    }

    /** Runs one workflow move, then back to the page (Post/Redirect/Get) with what happened. */
    private String act(long entryId, String doneKey, RedirectAttributes redirect, Locale locale,
            Supplier<?> move) {
        try {
            move.get();
            redirect.addFlashAttribute("messageKey", doneKey);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("refusal", refusal(violation, messages, locale));
            redirect.addFlashAttribute("conflict", violation instanceof EntryConflict);
        }
        redirect.addAttribute("entryId", entryId);
        return "redirect:/entries/{entryId}";
    }

    /** A refusal in the user's language; a refused move names the move and the status in that language too. */
    static String refusal(RuleViolation violation, MessageSource messages, Locale locale) {
        Object[] arguments = violation.arguments().toArray();
        if ("entry.refused.transition".equals(violation.messageKey()) && arguments.length == 2) {
            arguments = new Object[] { messages.getMessage("entry.action." + arguments[0], null,
                    String.valueOf(arguments[0]), locale),
                    messages.getMessage("entry.status." + arguments[1], null, String.valueOf(arguments[1]), locale) };
        }
        return messages.getMessage(violation.messageKey(), arguments, violation.messageKey(), locale);
    }

    private String page(EntryDetail detail, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("evidence", evidence.list(detail.entry().id()));
        model.addAttribute("statuses", List.of(EntryStatus.values()));
        return PAGE;
    }
}
