package org.communedx.model.unit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How unit names are stored and searched. GSO files spell one name several ways ("Hoà Bình" and "Hòa Bình"
 * place the tone mark differently, and some files are decomposed), so names are stored in NFC and searched
 * in a folded form that ignores case and diacritics.
 */
public final class UnitNames {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private UnitNames() {
    }

    /** NFC with single spaces and no surrounding blanks. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        return WHITESPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** "Huyện LẠC SƠN" becomes "huyen lac son"; đ is a letter of its own, not a d with a mark, so it is mapped. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(normalize(text), Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return Normalizer.normalize(bare.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
