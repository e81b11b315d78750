package org.communedx.service.notification;

import java.util.List;

/** One page of a user's notices, newest first, with how many there are and how many are unread. */
public record NoticePage(List<NoticeView> notices, int page, int size, long total, long unread) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** A page asked for past the last of a list that has some: the notices page shows the last one instead. */
    public boolean pastTheEnd() {
        return notices.isEmpty() && page > 0 && total > 0;
    }
}
