package org.communedx.model.unit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
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
        return Unicode.searchText(text == null ? "" : text);
    }

    /**
     * Whether two names are one: the same once {@link #tonePlaced}. GSO's lists write a tone mark in either place
     * ("Tỉnh Hoà Bình", "Tỉnh Hòa Bình") row by row.
     */
    public static boolean sameName(String first, String other) {
        return tonePlaced(first).equals(tonePlaced(other));
    }

    /**
     * The old and the new place of a tone mark ("Hoà", "Hòa"; "Thuỷ", "Thủy"), made one, in lower case: the same
     * name either way, and nothing else (a name with another tone, "Hóa", stays another).
     */
    public static String tonePlaced(String name) {
        String lower = normalize(name).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower);
        for (int i = 0; i + 1 < out.length(); i++) {
            String moved = OLD_TONE_PLACES.get(out.substring(i, i + 2));
            if (moved != null) {
                out.replace(i, i + 2, moved);
            }
        }
        return out.toString();
    }

    /** The old style's tone on the second vowel of oa, oe and uy, moved to the first as the new style writes it. */
    private static final Map<String, String> OLD_TONE_PLACES = Map.ofEntries(
            Map.entry("oà", "òa"), Map.entry("oá", "óa"), Map.entry("oả", "ỏa"), Map.entry("oã", "õa"),
            Map.entry("oạ", "ọa"), Map.entry("oè", "òe"), Map.entry("oé", "óe"), Map.entry("oẻ", "ỏe"),
            Map.entry("oẽ", "õe"), Map.entry("oẹ", "ọe"), Map.entry("uỳ", "ùy"), Map.entry("uý", "úy"),
            Map.entry("uỷ", "ủy"), Map.entry("uỹ", "ũy"), Map.entry("uỵ", "ụy"));
}
