package org.communedx.service.notification;

import java.time.LocalDate;

/**
 * Something that happened to a commune's entry which people other than its author should hear about. The feature
 * where it happens publishes it through Spring's {@code ApplicationEventPublisher} inside the transaction that made
 * it happen; the notifications listen in that same transaction, so a notice is written if and only if the change
 * is. Who is told, and how, is the notifications' business, not the publisher's.
 */
public sealed interface TrackerEvent {

    /** The criterion entry the event is about. */
    long entryId();

    /** A reviewer returned an entry to its commune with {@code reason}. */
    record EntryReturned(long entryId, String reason) implements TrackerEvent {
    }

    /** A reviewer reopened a commune's entry, approved or closed by the deadline, with {@code reason}. */
    record EntryReopened(long entryId, String reason) implements TrackerEvent {
    }

    /** Someone wrote comment {@code commentId} on an entry's thread; the other side is told. */
    record CommentPosted(long entryId, long commentId, String authorUsername) implements TrackerEvent {
    }

    /** An evidence file of the entry stops being valid on {@code validUntil}, within the warning window. */
    record EvidenceExpiring(long entryId, long evidenceId, LocalDate validUntil) implements TrackerEvent {
    }
}
