package org.communedx.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as a person reads it. Vietnamese letters arrive precomposed from one keyboard and as base letters with
 * combining marks (NFD) from another (Unikey's "Unicode tổ hợp", macOS): the same name, or password, in two byte
 * sequences. Kept and compared in NFC, they are one.
 */
public final class Unicode {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

    /**
     * The text as a search compares it, ignoring case and diacritics: "Trần Thị Đào" becomes "tran thi dao", so that
     * a name is found as it is typed without Vietnamese input. đ is a letter of its own, not a d with a mark, so it is
     * mapped. Migration V34 fills the user accounts' folded names with the same rule in SQL.
     */
    public static String fold(CharSequence text) {
        if (text == null) {
            return null;
        }
        String bare = COMBINING_MARKS.matcher(nfd(text)).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return nfc(bare.toLowerCase(Locale.ROOT));
    }

    /**
     * What a search compares: the text {@linkplain #fold folded}, with single spaces and none at either end ("Huyện
     * LẠC  SƠN " is "huyen lac son"), as a name pasted from a spreadsheet may carry two.
     */
    public static String searchText(CharSequence text) {
        return text == null ? null : WHITESPACE.matcher(fold(text)).replaceAll(" ").strip();
    }

    /**
     * The text without what a reader sees as nothing at either end: whitespace, the no-break space (U+00A0, typed by
     * Word and by Vietnamese keyboards alike) and the zero-width characters (U+200B to U+200D, U+2060, U+FEFF), which
     * {@link String#strip} leaves. A reason of those alone was taken as given, and read as nothing.
     */
    public static String trim(CharSequence text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && invisible(text.charAt(start))) {
            start++;
        }
        while (end > start && invisible(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }

    /** Whether the text is null or {@linkplain #trim nothing a reader sees}. */
    public static boolean isBlank(CharSequence text) {
        return text == null || trim(text).isEmpty();
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\u200C'
                || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
