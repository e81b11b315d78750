package org.communedx.web.review;

import java.io.Serializable;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.communedx.service.assessment.ReviewQueue;
import org.communedx.service.assessment.ReviewQueue.Filter;
import org.communedx.service.assessment.ReviewQueue.Outcome;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The review queue (J2) and its bulk approval. */
@Controller
class ReviewController {

    private final ReviewQueue queue;

    private final MessageSource messages;

    ReviewController(ReviewQueue queue, MessageSource messages) {
        this.queue = queue;
        this.messages = messages;
    }

    /** The queue, filtered; the filter is kept in the session for the entry pages' way back (QueueAddressAdvice). */
    @GetMapping("/reviews")
    String list(@RequestParam(required = false) String commune, @RequestParam(required = false) String group,
            @RequestParam(required = false) Long period, Model model, HttpSession session, Principal user) {
        Filter filter = new Filter(commune, group, period);
        model.addAttribute("queue", queue.queue(filter));
        model.addAttribute("filter", filter);
        session.setAttribute(QueueAddressAdvice.ATTRIBUTE, new QueueAddressAdvice.Kept(user.getName(),
                UriComponentsBuilder.fromPath("/reviews").queryParamIfPresent("commune", present(commune))
                        .queryParamIfPresent("group", present(group)).queryParamIfPresent("period", present(period))
                        .build().encode().toUriString()));
        return "review/list";
    }

    private static Optional<String> present(Object value) {
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    /**
     * Approves the ticked entries, each at the version shown (values "id:version"); each is approved or reported
     * on its own. The reviewer goes back to the queue as they had filtered it.
     */
    @PostMapping("/reviews/approve")
    String approve(@RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(required = false) String commune, @RequestParam(required = false) String group,
            @RequestParam(required = false) Long period, RedirectAttributes redirect, Locale locale) {
        keep(redirect, "commune", commune);
        keep(redirect, "group", group);
        keep(redirect, "period", period);
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (String item : selected == null ? List.<String>of() : selected) {
            String[] parts = item.split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,18}")) {
                versions.put(Long.valueOf(parts[0]), Long.valueOf(parts[1]));
            }
        }
        if (versions.isEmpty()) {
            redirect.addFlashAttribute("refusalKey", "review.approve.noneSelected");
            return "redirect:/reviews";
        }
        List<Outcome> outcomes = queue.approveEach(versions);
        redirect.addFlashAttribute("outcomes", outcomes.stream().map(outcome -> new Report(outcome.approved(),
                outcome.label(), messages.getMessage(outcome.messageKey(), outcome.arguments().toArray(),
                        outcome.messageKey(), locale))).toList());
        return "redirect:/reviews";
    }

    /** A filter of the queue, into the address the approval goes back to (encoded there by Spring). */
    private static void keep(RedirectAttributes redirect, String name, Object value) {
        present(value).ifPresent(kept -> redirect.addAttribute(name, kept));
    }

    /**
     * One line of the bulk approval report, already in the user's language. Serializable: it waits in the session for
     * the next page, and shared sessions (communedx.sessions=jdbc) are stored serialized.
     */
    record Report(boolean approved, String label, String text) implements Serializable {
    }
}
