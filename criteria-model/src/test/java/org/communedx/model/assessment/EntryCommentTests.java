package org.communedx.model.assessment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a comment is the author's previous one sent again, and so not stored twice. */
class EntryCommentTests {

    private static final Instant NOON = Instant.parse("2025-06-02T05:00:00Z");

    private static EntryComment comment(long entry, String author, String body, Instant at) {
        return new EntryComment(entry, author, author, body, at);
    }

    @Test
    void theSameTextFromTheSameAuthorSoonAfterIsTheSameComment() {
        EntryComment first = comment(7, "xa.yenphu", "Xin gửi biên bản", NOON);

        assertThat(comment(7, "xa.yenphu", " Xin gửi biên bản\n", NOON.plusSeconds(3)).repeats(first))
                .as("the blanks around it are not the text").isTrue();
        assertThat(comment(7, "xa.yenphu", "Xin gửi biên bản", NOON.plus(EntryComment.RESENT_WITHIN)).repeats(first))
                .isTrue();
    }

    @Test
    void anotherTextAuthorEntryOrALaterTimeIsANewComment() {
        EntryComment first = comment(7, "xa.yenphu", "Xin gửi biên bản", NOON);

        assertThat(comment(7, "xa.yenphu", "Xin gửi biên bản.", NOON.plusSeconds(3)).repeats(first)).isFalse();
        assertThat(comment(7, "huyen.lacson", "Xin gửi biên bản", NOON.plusSeconds(3)).repeats(first)).isFalse();
        assertThat(comment(8, "xa.yenphu", "Xin gửi biên bản", NOON.plusSeconds(3)).repeats(first)).isFalse();
        assertThat(comment(7, "xa.yenphu", "Xin gửi biên bản",
                NOON.plus(EntryComment.RESENT_WITHIN).plusSeconds(1)).repeats(first)).isFalse();
    }
}
