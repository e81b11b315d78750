package org.communedx.service.notification;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A notice as its reader sees it: the text is rendered from {@code kind}'s message key and {@code parameters} in the
 * reader's language; the link from the kind's target and what it is about.
 */
public record NoticeView(long id, NotificationKind kind, @Nullable Long entryId, @Nullable String unitCode,
        @Nullable Long periodId, Map<String, String> parameters, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
