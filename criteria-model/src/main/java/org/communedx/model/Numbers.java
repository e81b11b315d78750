package org.communedx.model;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as a person reads them, and types them back into a form or a file. Only the digits 0 to 9 are read: Java's
 * own parsers take any script's digits ("٣", full-width "１"), so a value pasted from elsewhere was saved as another
 * number than the one the commune could see it typed.
 */
public final class Numbers {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:[.,][0-9]{3})+");

    private static final Pattern DOT_GROUPED = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{3})+");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)");

    /** A point between two digits: a decimal mark, where ".." between a band's bounds is none. */
    private static final Pattern DECIMAL_POINT = Pattern.compile("([0-9])\\.([0-9])");

    private Numbers() {
    }

    /**
     * Text that holds numbers written with a point ("0..50.5=0; 50.5..=12.5", a scoring rule's bands) with the
     * language's decimal mark instead: "0..50,5=0; 50,5..=12,5" in Vietnamese, which {@link #decimal} reads back.
     */
    public static String withDecimalMark(String text, Locale locale) {
        char mark = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return text == null || mark == '.' ? text : DECIMAL_POINT.matcher(text).replaceAll("$1" + mark + "$2");
    }

    /**
     * A whole number written in the digits 0 to 9, around spaces.
     * @throws NumberFormatException for anything else, or one past an {@code int}
     */
    public static int wholeNumber(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!WHOLE.matcher(stripped).matches()) {
            throw new NumberFormatException(stripped);
        }
        return Integer.parseInt(stripped);
    }

    /**
     * Whether the text is a whole number written with thousands separators, "1.000" or "12,500" as Vietnamese and
     * English write them: what is wrong with it is the separator, not the number, and the refusal should say so.
     */
    public static boolean groupedThousands(String text) {
        return text != null && GROUPED.matcher(text.strip()).matches();
    }

    /**
     * Whether the text is a whole number with its thousands grouped by dots, "1.000" as Vietnamese write one thousand:
     * for a field that takes a decimal comma ("62,5"), where a comma may be a decimal mark but such dots cannot.
     */
    public static boolean dotGroupedThousands(String text) {
        return text != null && DOT_GROUPED.matcher(text.strip()).matches();
    }

    /**
     * A decimal written in the digits 0 to 9 with a point or, as Vietnamese write it, a comma, around spaces.
     * @throws NumberFormatException for anything else
     */
    public static BigDecimal decimal(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!DECIMAL.matcher(stripped).matches()) {
            throw new NumberFormatException(stripped);
        }
        return new BigDecimal(stripped.replace(',', '.'));
    }

    /**
     * The number without trailing zeros, and never in scientific notation: 100.00 becomes 100, where
     * {@link BigDecimal#stripTrailingZeros()} alone gives 1E+2, which a form field shows and then refuses.
     */
    public static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
