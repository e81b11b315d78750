package org.communedx.web.notification;

import org.communedx.service.notification.NotificationInbox;
import org.communedx.web.home.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user's count of unread notices, for the menu's badge: one count on a partial index. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

    private final NotificationInbox inbox;

    UnreadCountAdvice(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices() {
        return CurrentUser.fromSecurityContext().signedIn() ? inbox.unreadCount() : null;
    }
}
