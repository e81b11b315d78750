package org.communedx.model;

import java.text.Normalizer;

/**
 * Text as a person reads it. Vietnamese letters arrive precomposed from one keyboard and as base letters with
 * combining marks (NFD) from another (Unikey's "Unicode tổ hợp", macOS): the same name, or password, in two byte
 * sequences. Kept and compared in NFC, they are one.
 */
public final class Unicode {

    private Unicode() {
    }

    /** The text in NFC; null stays null. */
    public static String nfc(CharSequence text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The text in NFD, as a password typed with combining marks was hashed before NFC was kept; null stays null. */
    public static String nfd(CharSequence text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
