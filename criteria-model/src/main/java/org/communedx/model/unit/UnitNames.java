package org.communedx.model.unit;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.communedx.model.Unicode;

/**
 * How unit names are stored and searched. GSO files spell one name several ways ("Hoà Bình" and "Hòa Bình"
 * place the tone mark differently, and some files are decomposed), so names are stored in NFC and searched
 * in a folded form that ignores case and diacritics.
 */
public final class UnitNames {

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

    /** "Huyện  LẠC SƠN" becomes "huyen lac son" ({@link Unicode#fold}, with single spaces). */
    public static String fold(String text) {
        return Unicode.fold(normalize(text));
    }
}
