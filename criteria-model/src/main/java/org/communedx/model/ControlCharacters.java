package org.communedx.model;

/**
 * The characters no text the tracker keeps may hold: the control characters, but for tab, carriage return and line
 * feed. PostgreSQL refuses NUL outright, so one let through is a failed write rather than bad input; no form, file or
 * API field has a use for the others. Every way text comes in refuses them by this rule.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isRefused(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n';
    }

    /** Whether the text holds a refused character; null holds none. */
    public static boolean in(String text) {
        return text != null && text.chars().anyMatch(ControlCharacters::isRefused);
    }
}
