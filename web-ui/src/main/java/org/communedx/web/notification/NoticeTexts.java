package org.communedx.web.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.communedx.service.notification.NoticeView;
import org.communedx.service.notification.NotificationKind;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's text in the reader's language, rendered from its kind's message key at display time (so a user who
 * switches language reads their old notices in the new one), and the one address it links to. Pages, the API and the
 * e-mails all say a notice the same way through it.
 */
@Component
public class NoticeTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The notice's sentence; its parameters are arguments, never part of the pattern, and are escaped on output. */
    public String text(NoticeView notice, Locale locale) {
        Map<String, String> p = notice.parameters();
        Object[] arguments = switch (notice.kind()) {
            case ENTRY_RETURNED, ENTRY_REOPENED -> new Object[] { p.get("criterion"), p.get("commune"), p.get("reason"),
                    p.get("period") };
            case COMMENT_POSTED -> new Object[] { p.get("criterion"), p.get("commune"), p.get("author"),
                    p.get("period") };
            case EVIDENCE_EXPIRING -> new Object[] { p.get("criterion"), p.get("commune"), date(p.get("validUntil")),
                    p.get("period") };
            case SUBMISSIONS_WAITING -> new Object[] { count(p.get("count")), date(p.get("oldest")) };
            case DEADLINE_AHEAD -> new Object[] { p.get("period"), count(p.get("days")), date(p.get("deadline")) };
            case DEADLINE_PASSED -> new Object[] { p.get("period"), date(p.get("deadline")), count(p.get("count")) };
        };
        return messages.getMessage(notice.kind().messageKey(), arguments, locale);
    }

    /** The path inside the tracker the notice is about: the entry, the review queue, the scorecard or dashboard. */
    public String path(NoticeView notice) {
        return switch (notice.kind().target()) {
            // A comment's notice opens the entry at its thread, below the value and the files.
            case ENTRY -> "/entries/" + notice.entryId()
                    + (notice.kind() == NotificationKind.COMMENT_POSTED ? "#comments" : "");
            case REVIEW_QUEUE -> "/reviews";
            case SCORECARD -> "/communes/" + notice.unitCode() + "/periods/" + notice.periodId();
            // The period the notice is about, not the one a dashboard opens on: a newer may have begun since.
            case DASHBOARD -> "/units/" + notice.unitCode() + "/dashboard"
                    + (notice.periodId() == null ? "" : "?period=" + notice.periodId());
        };
    }

    /**
     * Counts are kept as text, like every parameter; as numbers again, the English can agree with them. A notice
     * without one (none is written so, but a row is data) reads as before, never as a failed page.
     */
    private static @Nullable Long count(@Nullable String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String date(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return LocalDate.parse(iso).format(DATE);
        }
        catch (DateTimeParseException ex) {
            return iso;
        }
    }
}
