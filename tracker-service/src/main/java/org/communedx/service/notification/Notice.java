package org.communedx.service.notification;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A notice to make for some people: its kind, what it is about, and the parameters of its text (strings, rendered in
 * each reader's language at display time). {@code dedupeKey}, when set, makes it once per recipient however often it
 * is made: the jobs set it (e.g. {@code deadline-ahead:42:7}), so that a run twice notifies once.
 */
public record Notice(NotificationKind kind, @Nullable Long entryId, @Nullable Long unitId, @Nullable Long periodId,
        Map<String, String> parameters, @Nullable String dedupeKey) {

    public Notice {
        parameters = Map.copyOf(parameters);
        if (dedupeKey != null && dedupeKey.length() > 200) {
            throw new IllegalArgumentException("Dedupe key too long: " + dedupeKey);
        }
    }

    static Notice aboutEntry(NotificationKind kind, long entryId, long unitId, long periodId,
            Map<String, String> parameters) {
        return new Notice(kind, entryId, unitId, periodId, parameters, null);
    }
}
