package org.communedx.web.entry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryComment;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.service.assessment.AssessmentViews.Actions;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.CriterionAddress;
import org.communedx.service.assessment.EntryComments;
import org.communedx.service.evidence.EvidenceService;
import org.communedx.service.evidence.EvidenceViews.EvidenceList;
import org.communedx.service.mapping.CarryOvers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The criterion entry page and its workflow actions. Every action is a small form carrying the entry's version;
 * a conflict or a refused move comes back to the page with a message and the entry as it now is, so that
 * nothing is overwritten silently. Who may do what is the workflow's rule.
 * <p>
 * The page has two addresses: a stored entry's, {@code /entries/{id}}, and the criterion's in the commune's period,
 * which the scorecard links to since it needs no stored row. Before the commune's first write in the period the
 * criterion's address shows the entry NOT_STARTED, and its forms post there the moves such an entry allows (a value,
 * a not-applicable request, a file), the first of which stores the entries.
 */
@Controller
class EntryController {

    private static final String PAGE = "entry/show";

    static final String ENTRY = "/entries/{entryId}";

    /** What the user typed into the value form when a conflict refused it. */
    private static final String TYPED = "typedValue";

    static final String CRITERION = "/communes/{code}/periods/{periodId}/criteria/{criterion}";

    private final AssessmentWorkflow workflow;

    private final MessageSource messages;

    private final EvidenceService evidence;

    private final CarryOvers carryOvers;

    private final EntryComments comments;

    EntryController(AssessmentWorkflow workflow, EvidenceService evidence, MessageSource messages,
            CarryOvers carryOvers, EntryComments comments) {
        this.comments = comments;
        this.workflow = workflow;
        this.evidence = evidence;
        this.messages = messages;
        this.carryOvers = carryOvers;
    }

    @GetMapping(ENTRY)
    String show(@PathVariable long entryId, Model model) {
        return show(workflow.detail(entryId), evidence.list(entryId), model);
    }

    @GetMapping(CRITERION)
    String show(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion, Model model) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        return show(workflow.detail(address), evidence.list(address), model);
    }

    private String show(EntryDetail detail, EvidenceList files, Model model) {
        if (model.getAttribute(TYPED) instanceof ValueForm typed && !detail.actions().save()) {
            // The entry moved on (submitted from another tab): no form takes the value now, so the page gives back
            // what was typed to be copied, rather than lose it.
            model.addAttribute("typedLost", new LostValue(typed.toValue(detail.entry().type(),
                    new BeanPropertyBindingResult(typed, "valueForm")), typed.getExplanation()));
            model.addAttribute("valueForm", ValueForm.of(detail.entry()));
        }
        else if (model.getAttribute(TYPED) instanceof ValueForm typed) {
            model.addAttribute("valueForm", typed.atVersion(detail.entry().version()));
        }
        else if (!model.containsAttribute("valueForm")) {
            model.addAttribute("valueForm", ValueForm.of(detail.entry()));
        }
        return page(detail, files, model);
    }

    @PostMapping(ENTRY + "/value")
    String saveValue(@PathVariable long entryId, @ModelAttribute("valueForm") ValueForm form, BindingResult binding,
            Model model, RedirectAttributes redirect, Locale locale) {
        EntryDetail detail = workflow.detail(entryId);
        EntryValue value = form.toValue(detail.entry().type(), binding);
        if (binding.hasErrors()) {
            return page(detail, evidence.list(entryId), model);
        }
        String page = act(entryId, "entry.saved", redirect, locale,
                () -> workflow.saveValue(entryId, form.getVersion(), value, form.getExplanation()));
        keepTypedAfterConflict(form, redirect);
        return page;
    }

    @PostMapping(CRITERION + "/value")
    String saveValue(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion,
            @ModelAttribute("valueForm") ValueForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, Locale locale) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        EntryDetail detail = workflow.detail(address);
        EntryValue value = form.toValue(detail.entry().type(), binding);
        if (binding.hasErrors()) {
            return page(detail, evidence.list(address), model);
        }
        String page = act(address, "entry.saved", redirect, locale,
                () -> workflow.saveValue(address, form.getVersion(), value, form.getExplanation()));
        keepTypedAfterConflict(form, redirect);
        return page;
    }

    /**
     * After a conflict the page shows the entry as it now is, and the form what the user typed rather than the
     * current value, which the page shows beside it: nothing typed is lost, and nothing is overwritten unseen.
     */
    private static void keepTypedAfterConflict(ValueForm form, RedirectAttributes redirect) {
        if (Boolean.TRUE.equals(redirect.getFlashAttributes().get("conflict"))) {
            redirect.addFlashAttribute(TYPED, form);
        }
    }

    @PostMapping(ENTRY + "/submit")
    String submit(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.submitted", redirect, locale, () -> workflow.submit(entryId, version));
    }

    @PostMapping(ENTRY + "/not-applicable")
    String requestNotApplicable(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String explanation, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.notApplicableRequested", redirect, locale,
                () -> workflow.requestNotApplicable(entryId, version, explanation),
                Typed.of("na-explanation", explanation));
    }

    @PostMapping(CRITERION + "/not-applicable")
    String requestNotApplicable(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion, @RequestParam long version,
            @RequestParam(required = false) String explanation, RedirectAttributes redirect, Locale locale) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        return act(address, "entry.notApplicableRequested", redirect, locale,
                () -> workflow.requestNotApplicable(address, version, explanation),
                Typed.of("na-explanation", explanation));
    }

    /**
     * Takes the value a provincial system suggests into the entry, as a DRAFT, with one action; at the criterion's
     * address, whatever the entry's, since that is where the suggestion is kept.
     */
    @PostMapping(CRITERION + "/take-suggestion")
    String takeSuggestion(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion,
            @RequestParam long version, @RequestParam(required = false) Instant suggestedAt,
            RedirectAttributes redirect, Locale locale) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        return act(address, "entry.suggestionTaken", redirect, locale,
                () -> workflow.takeSuggestion(address, version, suggestedAt));
    }

    @PostMapping(ENTRY + "/approve")
    String approve(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.approved", redirect, locale, () -> workflow.approve(entryId, version));
    }

    @PostMapping(ENTRY + "/return")
    String returnWithReason(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.returned", redirect, locale,
                () -> workflow.returnWithReason(entryId, version, reason), Typed.of("return-reason", reason));
    }

    @PostMapping(ENTRY + "/reopen")
    String reopen(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.reopened", redirect, locale, () -> workflow.reopen(entryId, version, reason),
                Typed.of("reopen-reason", reason));
    }

    @PostMapping(ENTRY + "/reopen-for-commune")
    String reopenForCommune(@PathVariable long entryId, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(entryId, "entry.reopenedForCommune", redirect, locale,
                () -> workflow.reopenForCommune(entryId, version, reason), Typed.of("reopen-for-commune-reason", reason));
    }

    /** After closing, a reviewer reopens a criterion the commune never wrote in the period; this stores it. */
    @PostMapping(CRITERION + "/reopen-for-commune")
    String reopenForCommune(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion,
            @RequestParam long version, @RequestParam(required = false) String reason, RedirectAttributes redirect,
            Locale locale) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        return act(address, "entry.reopenedForCommune", redirect, locale,
                () -> workflow.reopenForCommune(address, version, reason), Typed.of("reopen-for-commune-reason", reason));
    }

    @PostMapping(ENTRY + "/approve-not-applicable")
    String approveNotApplicable(@PathVariable long entryId, @RequestParam long version, RedirectAttributes redirect,
            Locale locale) {
        return act(entryId, "entry.notApplicableApproved", redirect, locale,
                () -> workflow.approveNotApplicable(entryId, version));
    }

    /**
     * Posts a comment on the entry's thread, then back to the thread (Post/Redirect/Get). A refused comment (empty,
     * too long) stores nothing and comes back with the message and the text as typed.
     */
    @PostMapping(ENTRY + "/comments")
    String comment(@PathVariable long entryId, @RequestParam(required = false) String body,
            RedirectAttributes redirect, Locale locale) {
        comment(() -> comments.post(entryId, body), body, redirect, locale);
        redirect.addAttribute("entryId", entryId);
        return "redirect:" + ENTRY + "#comments";
    }

    /** The same before the entry is stored: the first comment stores it, as a first write does. */
    @PostMapping(CRITERION + "/comments")
    String comment(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion,
            @RequestParam(required = false) String body, RedirectAttributes redirect, Locale locale) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        comment(() -> comments.post(address, body), body, redirect, locale);
        return redirect(address, redirect) + "#comments";
    }

    private void comment(Runnable post, String body, RedirectAttributes redirect, Locale locale) {
        try {
            post.run();
            // Said in the thread, where the page opens (#comments), not at its top, out of sight on a phone.
            redirect.addFlashAttribute("commentPosted", true);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("commentRefusal", refusal(violation, messages, locale));
            redirect.addFlashAttribute("commentDraft",
                    body == null ? "" : body.substring(0, Math.min(body.length(), 2 * EntryComment.MAX_LENGTH)));
        }
    }

    /** Runs one workflow move, then back to the page (Post/Redirect/Get) with what happened. */
    private String act(long entryId, String doneKey, RedirectAttributes redirect, Locale locale,
            Supplier<?> move) {
        return act(entryId, doneKey, redirect, locale, move, null);
    }

    /** The same for a move with a reason or explanation typed, which a refusal gives back in its box. */
    private String act(long entryId, String doneKey, RedirectAttributes redirect, Locale locale,
            Supplier<?> move, @Nullable Typed typed) {
        act(doneKey, redirect, locale, move, typed);
        redirect.addAttribute("entryId", entryId);
        return "redirect:" + ENTRY;
    }

    /** The same at the criterion's address, back to the page there. */
    private String act(CriterionAddress address, String doneKey, RedirectAttributes redirect, Locale locale,
            Supplier<?> move) {
        return act(address, doneKey, redirect, locale, move, null);
    }

    private String act(CriterionAddress address, String doneKey, RedirectAttributes redirect, Locale locale,
            Supplier<?> move, @Nullable Typed typed) {
        act(doneKey, redirect, locale, move, typed);
        return redirect(address, redirect);
    }

    private void act(String doneKey, RedirectAttributes redirect, Locale locale, Supplier<?> move,
            @Nullable Typed typed) {
        try {
            move.get();
            redirect.addFlashAttribute("messageKey", doneKey);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("refusal", refusal(violation, messages, locale));
            redirect.addFlashAttribute("conflict", violation instanceof EntryConflict);
            ClosedPeriodRefusal.note(redirect, violation);
            if (typed != null) {
                redirect.addFlashAttribute("typed", typed.refusedFor(violation));
            }
        }
    }

    /**
     * A reason or explanation as typed, for the box it was typed in ({@code field}, the textarea's id), cut to twice
     * what a reason holds: it waits in the session for the next page, linked to the refusal, and marked invalid when
     * the refusal is about the text itself (blank, too long) rather than, say, a page gone stale. Serializable, as
     * shared sessions are stored.
     */
    record Typed(String field, String text, boolean invalid) implements Serializable {

        private static final Set<String> TEXT_REFUSALS = Set.of("entry.refused.reasonRequired",
                "entry.refused.reasonTooLong", "entry.refused.explanationRequired", "entry.form.explanationTooLong");

        static Typed of(String field, @Nullable String text) {
            String kept = text == null ? ""
                    : text.substring(0, Math.min(text.length(), 2 * CriterionEntry.EXPLANATION_MAX));
            return new Typed(field, kept, false);
        }

        Typed refusedFor(RuleViolation violation) {
            return new Typed(field, text, TEXT_REFUSALS.contains(violation.messageKey()));
        }

        /**
         * Whether the page has the box the text was typed in: after a refusal because the entry moved on (approved
         * from another tab), the return form is gone, and the page gives the reason back to be copied instead.
         */
        public boolean boxOn(Actions actions) {
            return switch (field) {
                case "return-reason" -> actions.returnWithReason();
                case "reopen-reason" -> actions.reopen();
                case "reopen-for-commune-reason" -> actions.reopenForCommune();
                case "na-explanation" -> actions.requestNotApplicable();
                default -> true;
            };
        }
    }

    /** A value and explanation as typed, for a page that no longer takes a value; the value null if unreadable. */
    record LostValue(@Nullable EntryValue value, @Nullable String explanation) {
    }

    /** Back to the entry page at the criterion's address, its codes encoded as the template expands them. */
    static String redirect(CriterionAddress address, RedirectAttributes redirect) {
        redirect.addAttribute("code", address.communeCode());
        redirect.addAttribute("periodId", address.periodId());
        redirect.addAttribute("criterion", address.criterionCode());
        return "redirect:" + CRITERION;
    }

    /**
     * Where the page's forms post: the stored entry's address, or before the entry is stored the criterion's, whose
     * moves store it first.
     */
    static String path(EntryDetail detail) {
        Long id = detail.entry().id();
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(id != null ? ENTRY : CRITERION);
        return (id != null ? path.buildAndExpand(id)
                : path.buildAndExpand(detail.communeCode(), detail.periodId(), detail.entry().criterionCode()))
                .encode().toUriString();
    }

    /** A refusal in the user's language, the move and status it names too (see the message source). */
    static String refusal(RuleViolation violation, MessageSource messages, Locale locale) {
        return messages.getMessage(violation.messageKey(), violation.arguments().toArray(), violation.messageKey(),
                locale);
    }

    private String page(EntryDetail detail, EvidenceList files, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("entryPath", path(detail));
        model.addAttribute("evidence", files);
        model.addAttribute("statuses", List.of(EntryStatus.values()));
        // After the detail, which checked the caller's scope.
        carryOvers.forEntry(detail.entry().id()).ifPresent(mark -> model.addAttribute("carriedOver", mark));
        model.addAttribute("thread", comments.thread(detail));
        model.addAttribute("commentMaxLength", EntryComment.MAX_LENGTH);
        return PAGE;
    }
}
