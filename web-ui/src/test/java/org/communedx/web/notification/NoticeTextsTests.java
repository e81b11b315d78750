package org.communedx.web.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.communedx.service.notification.NoticeView;
import org.communedx.service.notification.NotificationKind;
import org.communedx.web.config.Bundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice's counts are kept as text; the sentence reads them as numbers, in the reader's language. */
class NoticeTextsTests {

    private final NoticeTexts texts = new NoticeTexts(Bundles.messages());

    @Test
    void theDailyCountOfWhatWaitsAgreesWithItsNounAndGroupsItsDigits() {
        NoticeView one = notice(NotificationKind.SUBMISSIONS_WAITING, Map.of("count", "1", "oldest", "2026-12-02"));
        NoticeView many = notice(NotificationKind.SUBMISSIONS_WAITING, Map.of("count", "1500", "oldest", "2026-12-02"));

        assertThat(texts.text(one, Locale.ENGLISH)).isEqualTo("1 criterion waits for review, the oldest since 02/12/2026.");
        assertThat(texts.text(many, Locale.ENGLISH))
                .isEqualTo("1,500 criteria wait for review, the oldest since 02/12/2026.");
        assertThat(texts.text(many, Locale.forLanguageTag("vi")))
                .isEqualTo("1.500 tiêu chí đang chờ duyệt, cũ nhất từ ngày 02/12/2026.");
    }

    @Test
    void deadlinesCountDaysAndCommunes() {
        NoticeView ahead = notice(NotificationKind.DEADLINE_AHEAD,
                Map.of("period", "Năm 2026", "days", "1", "deadline", "2026-12-31"));
        NoticeView passed = notice(NotificationKind.DEADLINE_PASSED,
                Map.of("period", "Năm 2026", "deadline", "2026-12-31", "count", "1"));

        assertThat(texts.text(ahead, Locale.ENGLISH)).startsWith("1 day left until the deadline of Năm 2026 (31/12/2026)");
        assertThat(texts.text(ahead, Locale.forLanguageTag("vi"))).startsWith("Còn 1 ngày đến hạn nộp của kỳ Năm 2026");
        assertThat(texts.text(passed, Locale.ENGLISH)).endsWith("1 commune has entries not submitted.");
        assertThat(texts.path(passed)).as("the period it is about, not the one the dashboard opens on")
                .isEqualTo("/units/25/dashboard?period=1");
    }

    /** After the reform the same criterion of a commune of the same name may be returned in two periods. */
    @Test
    void aNoticeAboutAnEntryNamesItsPeriod() {
        NoticeView returned = notice(NotificationKind.ENTRY_RETURNED, Map.of("criterion", "G1.C2", "commune",
                "Xã Yên Phú", "reason", "Thiếu biên bản", "period", "Năm 2025"));
        NoticeView expiring = notice(NotificationKind.EVIDENCE_EXPIRING, Map.of("criterion", "G1.C2", "commune",
                "Xã Yên Phú", "validUntil", "2026-12-31", "period", "Năm 2026"));

        assertThat(texts.text(returned, Locale.forLanguageTag("vi")))
                .isEqualTo("Tiêu chí G1.C2 của Xã Yên Phú (Năm 2025) bị trả lại: Thiếu biên bản");
        assertThat(texts.text(expiring, Locale.ENGLISH))
                .isEqualTo("Evidence of criterion G1.C2 (Xã Yên Phú, Năm 2026) stops being valid on 31/12/2026.");
    }

    /** A row written without its count (the tests write such rows) still reads, as it did. */
    @Test
    void aNoticeWithoutItsCountStillReads() {
        NoticeView bare = notice(NotificationKind.SUBMISSIONS_WAITING, Map.of());

        assertThat(texts.text(bare, Locale.ENGLISH)).endsWith("for review, the oldest since .");
    }

    /** A comment's notice leads to the entry's thread; the entry's other notices to the entry. */
    @Test
    void aCommentsNoticeOpensTheThread() {
        NoticeView comment = new NoticeView(1, NotificationKind.COMMENT_POSTED, 42L, "05305", 1L, Map.of(),
                Instant.EPOCH, null);
        NoticeView returned = new NoticeView(2, NotificationKind.ENTRY_RETURNED, 42L, "05305", 1L, Map.of(),
                Instant.EPOCH, null);

        assertThat(texts.path(comment)).isEqualTo("/entries/42#comments");
        assertThat(texts.path(returned)).isEqualTo("/entries/42");
    }

    private static NoticeView notice(NotificationKind kind, Map<String, String> parameters) {
        return new NoticeView(1, kind, null, "25", 1L, parameters, Instant.EPOCH, null);
    }
}
