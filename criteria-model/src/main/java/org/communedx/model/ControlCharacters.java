package org.communedx.model;

/**
 * The characters no text the tracker keeps may hold: the control characters, but for tab, carriage return and line
 * feed, and the controls of bidirectional text that embed, override or isolate a direction (U+202A to U+202E, U+2066
 * to U+2069). PostgreSQL refuses NUL outright, so one let through is a failed write rather than bad input; no form,
 * file or API field has a use for the others, and an override in a display name turned the username shown beside it
 * around in the audit trail ("tester.one" read "eno.retset"). Every way text comes in refuses them by this rule.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isRefused(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n'
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /** Whether the text holds a refused character; null holds none. */
    public static boolean in(String text) {
        return text != null && text.chars().anyMatch(ControlCharacters::isRefused);
    }
}
