package org.communedx.web.scorecard;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.communedx.model.RuleViolation;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.AssessmentWorkflow.SubmitAll;
import org.communedx.service.progress.ScorecardPages;
import org.communedx.service.progress.ScorecardPages.ScorecardPage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A commune's scorecard for one period (journey J1), with its verified completion month by month; the services answer
 * 404 outside the caller's scope.
 */
@Controller
class ScorecardController {

    private final ScorecardPages pages;

    private final AssessmentWorkflow workflow;

    private final MessageSource messages;

    ScorecardController(ScorecardPages pages, AssessmentWorkflow workflow, MessageSource messages) {
        this.pages = pages;
        this.workflow = workflow;
        this.messages = messages;
    }

    /**
     * @param period another period chosen in the page's period switcher, a GET form that works without script: the
     *        answer is that period's own address, so that it is bookmarked and kept like any scorecard
     */
    @GetMapping("/communes/{code}/periods/{periodId}")
    String show(@PathVariable String code, @PathVariable long periodId, @RequestParam(required = false) Long period,
            Model model, RedirectAttributes redirect) {
        if (period != null && period != periodId) {
            redirect.addAttribute("code", code);
            redirect.addAttribute("periodId", period);
            return "redirect:/communes/{code}/periods/{periodId}";
        }
        ScorecardPage page = pages.page(code, periodId);
        model.addAttribute("scorecard", page.scorecard());
        model.addAttribute("trend", page.trend());
        model.addAttribute("periods", page.periods());
        model.addAttribute("sentBackElsewhere", page.sentBackElsewhere());
        return "scorecard/show";
    }

    /**
     * Submits every entry the commune's staff saved, in one action instead of one page each, and comes back to the
     * scorecard with what was submitted and what was left and why.
     */
    @PostMapping("/communes/{code}/periods/{periodId}/submit-all")
    String submitAll(@PathVariable String code, @PathVariable long periodId, RedirectAttributes redirect,
            Locale locale) {
        try {
            redirect.addFlashAttribute("submitAll", Summary.of(workflow.submitAll(code, periodId), messages, locale));
        }
        catch (RuleViolation refused) {
            redirect.addFlashAttribute("submitAllRefusal", messages.getMessage(refused.messageKey(),
                    refused.arguments().toArray(), refused.messageKey(), locale));
        }
        redirect.addAttribute("code", code);
        redirect.addAttribute("periodId", periodId);
        return "redirect:/communes/{code}/periods/{periodId}";
    }

    /**
     * Takes every suggested value of provincial systems into the entries that can take one, as drafts, and comes
     * back to the scorecard with what was taken.
     */
    @PostMapping("/communes/{code}/periods/{periodId}/take-suggestions")
    String takeSuggestions(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(required = false) Instant suggestedUpTo, RedirectAttributes redirect, Locale locale) {
        try {
            redirect.addFlashAttribute("suggestionsTaken", workflow.takeAllSuggestions(code, periodId, suggestedUpTo)
                    .stream()
                    .map(line -> line.criterionCode() + " " + line.criterionName().in(locale)).toList());
        }
        catch (RuleViolation refused) {
            redirect.addFlashAttribute("submitAllRefusal", messages.getMessage(refused.messageKey(),
                    refused.arguments().toArray(), refused.messageKey(), locale));
        }
        redirect.addAttribute("code", code);
        redirect.addAttribute("periodId", periodId);
        return "redirect:/communes/{code}/periods/{periodId}";
    }

    /**
     * A submit-all's outcome in the user's language, each line a criterion (and, if left, why). Serializable: it
     * waits in the session for the next page, and shared sessions are stored serialized.
     */
    record Summary(List<String> submitted, List<String> left) implements Serializable {

        static Summary of(SubmitAll outcome, MessageSource messages, Locale locale) {
            return new Summary(outcome.submitted().stream().map(line -> line.criterionCode() + " "
                    + line.criterionName().in(locale)).toList(),
                    outcome.left().stream().map(line -> messages.getMessage("scorecard.submitAll.leftLine",
                            new Object[] { line.criterionCode(), line.criterionName().in(locale),
                                    messages.getMessage(line.messageKey(), line.arguments().toArray(),
                                            line.messageKey(), locale) },
                            locale)).toList());
        }
    }
}
