package org.communedx.web.notification;

import org.communedx.service.notification.NoticePage;
import org.communedx.service.notification.NotificationInbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own notices: newest first, a page at a time, each marked read on its own or all at once. */
@Controller
class NotificationController {

    static final int PAGE_SIZE = 25;

    private final NotificationInbox inbox;

    private final NoticeTexts texts;

    NotificationController(NotificationInbox inbox, NoticeTexts texts) {
        this.inbox = inbox;
        this.texts = texts;
    }

    /** A page past the last (a link kept from a longer list) shows the last, as every paged list of the pages does. */
    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        NoticePage notices = inbox.page(page, PAGE_SIZE);
        model.addAttribute("notices", notices.pastTheEnd() ? inbox.page(notices.pages() - 1, PAGE_SIZE) : notices);
        model.addAttribute("texts", texts);
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        inbox.markRead(id);
        redirect.addAttribute("page", Math.max(0, page));
        // Said, and the focus on it, as for all of them: the page had come back silent, the focus at its top.
        redirect.addFlashAttribute("messageKey", "notification.markedRead");
        return "redirect:/notifications";
    }

    /**
     * An unread notice opened from the list: read from then on, and on to what it is about. A form, not a link,
     * since opening a page writes nothing.
     */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + texts.path(inbox.markRead(id));
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(RedirectAttributes redirect) {
        inbox.markAllRead();
        redirect.addFlashAttribute("messageKey", "notification.allRead");
        return "redirect:/notifications";
    }
}
