package org.communedx.model.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.communedx.model.RuleViolation;
import org.communedx.model.Unicode;

/**
 * One comment in the thread of a criterion entry, between the commune's staff and its reviewers. Talk, not data:
 * it changes neither the entry nor its version, and is never edited once posted. The author's name is kept as it
 * was when they wrote, as a letter keeps its signature.
 */
@Entity
@Table(name = "entry_comment")
public class EntryComment {

    /** The longest comment, in characters: a few paragraphs, as the form allows. */
    public static final int MAX_LENGTH = 2000;

    /** How long the same text from the same author is taken for the same comment sent again. */
    public static final Duration RESENT_WITHIN = Duration.ofMinutes(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "author_username", nullable = false)
    private String authorUsername;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected EntryComment() {
    }

    /** @param body required, at most {@link #MAX_LENGTH} characters once the blanks around it are stripped */
    public EntryComment(long entryId, String authorUsername, String authorName, String body, Instant postedAt) {
        if (Unicode.isBlank(body)) {
            throw new RuleViolation("comment.refused.bodyRequired");
        }
        String text = Unicode.trim(body);
        if (text.length() > MAX_LENGTH) {
            throw new RuleViolation("comment.refused.bodyTooLong", MAX_LENGTH);
        }
        if (authorUsername == null || postedAt == null) {
            throw new IllegalArgumentException("author and time are required");
        }
        this.entryId = entryId;
        this.authorUsername = authorUsername;
        this.authorName = authorName == null || authorName.isBlank() ? authorUsername
                : authorName.strip().substring(0, Math.min(200, authorName.strip().length()));
        this.body = text;
        this.postedAt = postedAt;
    }

    /**
     * Whether this comment, not yet stored, is {@code earlier} sent again: the same author, entry and text within
     * {@link #RESENT_WITHIN}. A form posted twice (a double tap without JavaScript, a send repeated on a slow link)
     * is one comment; the same words said again later are a new one.
     */
    public boolean repeats(EntryComment earlier) {
        return earlier.entryId == entryId && earlier.authorUsername.equals(authorUsername) && earlier.body.equals(body)
                && !postedAt.isAfter(earlier.postedAt.plus(RESENT_WITHIN));
    }

    /** What the audit trail records of the comment. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("entryId", entryId);
        snapshot.put("body", body);
        return snapshot;
    }

    public Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
