package org.communedx.web.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.communedx.service.notification.NoticePage;
import org.communedx.service.notification.NotificationInbox;
import org.communedx.service.notification.NotificationKind;
import org.communedx.service.token.ApiTokenPrincipal;
import org.communedx.web.api.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices, as the page lists them. */
@RestController
class NotificationApiController {

    private final NotificationInbox inbox;

    private final NoticeTexts texts;

    NotificationApiController(NotificationInbox inbox, NoticeTexts texts) {
        this.inbox = inbox;
        this.texts = texts;
    }

    @Schema(description = "A page of the caller's notices, newest first")
    record Notifications(int page, int size, long total, long unread, List<Notification> notifications) {
    }

    record Notification(long id, NotificationKind kind,
            @Schema(description = "The notice in the request's language") String text,
            @Schema(description = "The tracker's path the notice is about") String link, Instant createdAt,
            @Schema(description = "When the caller marked it read; null while unread") Instant readAt) {
    }

    @Operation(summary = "The caller's notices, newest first",
            description = "Only the caller's own, so only for an account (HTTP Basic): an API token is no person and "
                    + "has none (403 api.refused.tokenHasNoNotices). The text is in the request's language "
                    + "(Accept-Language, or ?lang=en for English). A page past the last answers an empty list.")
    @GetMapping("/api/v1/notifications")
    Notifications notifications(
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Notices per page, 1 to " + NotificationInbox.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "20") @Min(1) @Max(NotificationInbox.MAX_PAGE_SIZE) int size,
            @Parameter(hidden = true) Authentication caller, Locale locale) {
        if (caller.getPrincipal() instanceof ApiTokenPrincipal) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "api.refused.tokenHasNoNotices", List.of());
        }
        NoticePage notices = inbox.page(page, size);
        return new Notifications(notices.page(), notices.size(), notices.total(), notices.unread(),
                notices.notices().stream().map(notice -> new Notification(notice.id(), notice.kind(),
                        texts.text(notice, locale), texts.path(notice), notice.createdAt(), notice.readAt()))
                        .toList());
    }
}
