package org.communedx.model.unit;

/** Whether all of the old unit went into the new one, or only part of it (the rest went elsewhere). */
public enum SuccessionKind {
    FULL, PARTIAL
}
