package org.communedx.service.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryComment;
import org.communedx.model.assessment.EntryCommentRepository;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.notification.TrackerEvent.CommentPosted;
import org.communedx.service.scope.Acting;
import org.communedx.service.scope.Scopes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comment thread of a criterion entry, between the commune's staff and its reviewers (the workflow's rules for
 * both): only they read and write it. Outside the caller's scope the entry does not exist (404); inside it, anyone
 * else is refused (403). Talk is not a change of data: the thread stays open after the period closes, and a comment
 * moves neither the entry nor its version; only the first comment on a criterion the commune has not begun stores its
 * entries, NOT_STARTED, as its first write would. Each comment is audited and publishes {@link CommentPosted}, in the
 * transaction that stores it. The same text sent again by its author within {@link EntryComment#RESENT_WITHIN} is the
 * same comment (a double tap, a form sent again on a slow link) and is stored once.
 */
@Service
@Transactional(readOnly = true)
public class EntryComments {

    static final String AUDIT_TYPE = "ENTRY_COMMENT";

    private final CriterionEntryRepository entries;

    private final EntryCommentRepository comments;

    private final UserAccountRepository accounts;

    private final Scopes scopes;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final AssessmentWorkflow workflow;

    EntryComments(CriterionEntryRepository entries, EntryCommentRepository comments, UserAccountRepository accounts,
            Scopes scopes, AuditLog audit, Clock clock, ApplicationEventPublisher events, AssessmentWorkflow workflow) {
        this.workflow = workflow;
        this.entries = entries;
        this.comments = comments;
        this.accounts = accounts;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** One comment as the thread shows it; {@code body} is the author's text, to be shown escaped. */
    public record CommentView(long id, String authorUsername, String authorName, String body, Instant postedAt) {

        static CommentView of(EntryComment comment) {
            return new CommentView(comment.getId(), comment.getAuthorUsername(), comment.getAuthorName(),
                    comment.getBody(), comment.getPostedAt());
        }
    }

    /**
     * The thread as the entry page shows it.
     * @param open whether the current user takes part (the commune's staff or its reviewer), who alone may read
     *        and write; for anyone else the page shows no thread
     * @param comments oldest first, newest last; empty unless {@code open}
     */
    public record Thread(boolean open, List<CommentView> comments) {

        static final Thread CLOSED = new Thread(false, List.of());
    }

    /**
     * The thread as the entry page shows it, from the page's own detail: open to whoever may comment
     * ({@link AssessmentViews.Actions#comment}), with the entry's comments once it is stored; before the commune's
     * first write there are none yet, and whoever takes part may start it.
     */
    public Thread thread(AssessmentViews.EntryDetail detail) {
        if (!detail.actions().comment()) {
            return Thread.CLOSED;
        }
        Long entryId = detail.entry().id();
        return new Thread(true, entryId == null ? List.of()
                : comments.findThread(entryId).stream().map(CommentView::of).toList());
    }

    /**
     * Posts a comment on the thread of the criterion at the address, storing the commune's entries for the period
     * first if they are not yet, as a first write does: a reviewer may ask before the commune has begun. A refused
     * comment stores nothing, those entries neither.
     * @return the comment's id
     */
    @Transactional
    public long post(CriterionAddress address, String body) {
        return post(workflow.entryToWrite(address), body);
    }

    /**
     * Posts a comment on the entry's thread.
     * @return the comment's id
     * @throws org.communedx.model.RuleViolation for an empty or too long body, when nothing is stored
     * @throws AccessDeniedException for whoever does not take part in the thread
     */
    @Transactional
    public long post(long entryId, String body) {
        CriterionEntry entry = load(entryId);
        UserAccount author = accounts.findByUsername(Actors.username())
                .filter(account -> AssessmentWorkflow.talksAbout(Acting.of(account), entry.getAssessment().getUnit()))
                .orElseThrow(() -> new AccessDeniedException(Actors.username() + " may not comment on entry "
                        + entryId));
        EntryComment comment = new EntryComment(entryId, author.getUsername(), author.getDisplayName(), body,
                clock.instant());
        // Two posts at once wait for each other here, so that the second sees the first.
        entries.lockRow(entryId);
        Optional<EntryComment> previous = comments.findFirstByEntryIdAndAuthorUsernameOrderByIdDesc(entryId,
                author.getUsername());
        if (previous.filter(comment::repeats).isPresent()) {
            return previous.get().getId();
        }
        comment = comments.saveAndFlush(comment);
        audit.record(AUDIT_TYPE, comment.getId(), "POST_COMMENT", null, comment.snapshot());
        events.publishEvent(new CommentPosted(entryId, comment.getId(), author.getUsername()));
        return comment.getId();
    }

    private CriterionEntry load(long entryId) {
        CriterionEntry entry = entries.findForWorkflow(entryId).orElseThrow(() -> new EntryNotFoundException(entryId));
        scopes.current().require(entry.getAssessment().getUnit());
        return entry;
    }

}
