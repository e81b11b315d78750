package org.communedx.model.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import org.communedx.model.Numbers;
import org.communedx.model.RuleViolation;
import org.communedx.model.Unicode;
import org.communedx.model.framework.MeasurementType;

/**
 * A value entered for a criterion, one shape per measurement type. Each checks its range as it is made, so an
 * invalid value never exists.
 */
public sealed interface EntryValue {

    MeasurementType type();

    /**
     * The value as the criterion's target measures it: a percent, a count, a level, or 1 and 0 for yes and no. The
     * rules read this, unrounded, so that no rounding decides whether a target is met or what the value earns.
     */
    BigDecimal measure();

    /** The measure as pages, exports and the API show it: a percent to two decimals, the others as they are. */
    default BigDecimal shownMeasure() {
        return measure();
    }

    /**
     * The value as text, the way {@link #parse} reads it back: "18/20", "42", "2", "yes" or "no". What a system or a
     * spreadsheet sends in, and what the write API answers.
     */
    String text();

    /**
     * Reads a value of the given type from text, as a system or a spreadsheet sends it: a percent as "18/20", a count
     * or a level as a whole number, yes and no as "yes"/"no" (also "true"/"false", "1"/"0", "có"/"không"). The range
     * is checked by the value's own constructor, as for a value typed on the entry page: one rule in one place.
     * @throws RuleViolation {@code entry.value.unreadable} with the type when the text is not of its shape,
     *         {@code entry.value.thousandsSeparator} for a number written "1.000", or the constructor's own refusal
     *         when it is out of range
     */
    static EntryValue parse(MeasurementType type, String text) {
        // "có" typed with combining marks (Unikey's "Unicode tổ hợp", macOS) and a no-break space copied from a web
        // page read as the text a reader sees.
        String stripped = text == null ? "" : Unicode.nfc(Unicode.trim(text));
        try {
            return switch (type) {
                case PERCENT -> {
                    int slash = stripped.indexOf('/');
                    if (slash < 0) {
                        throw new NumberFormatException(stripped);
                    }
                    yield new Percent(Numbers.wholeNumber(stripped.substring(0, slash)),
                            Numbers.wholeNumber(stripped.substring(slash + 1)));
                }
                case COUNT -> new Count(Numbers.wholeNumber(stripped));
                case LEVEL -> new Level(Numbers.wholeNumber(stripped));
                case BOOLEAN -> switch (stripped.toLowerCase(java.util.Locale.ROOT)) {
                    case "yes", "true", "1", "có" -> new YesNo(true);
                    case "no", "false", "0", "không" -> new YesNo(false);
                    default -> throw new NumberFormatException(stripped);
                };
            };
        }
        catch (NumberFormatException ex) {
            if (type != MeasurementType.BOOLEAN
                    && Arrays.stream(stripped.split("/", -1)).anyMatch(Numbers::groupedThousands)) {
                throw new RuleViolation("entry.value.thousandsSeparator");
            }
            throw new RuleViolation("entry.value.unreadable", type);
        }
    }

    /** The value kept in the four value columns of an entry or a suggestion, or null when they hold none. */
    static EntryValue fromColumns(Integer numerator, Integer denominator, Integer count, Integer level,
            Boolean yesNo) {
        if (numerator != null && denominator != null) {
            return new Percent(numerator, denominator);
        }
        if (count != null) {
            return new Count(count);
        }
        if (level != null) {
            return new Level(level);
        }
        if (yesNo != null) {
            return new YesNo(yesNo);
        }
        return null;
    }

    /**
     * A numerator over a denominator, e.g. 18 of 20 officials trained. The percent is rounded half up to two
     * decimals; that is the one place a percent of a value is rounded.
     */
    record Percent(int numerator, int denominator) implements EntryValue {

        public Percent {
            if (denominator <= 0) {
                throw new RuleViolation("entry.value.denominatorNotPositive");
            }
            if (numerator < 0) {
                throw new RuleViolation("entry.value.numeratorNegative");
            }
            if (numerator > denominator) {
                throw new RuleViolation("entry.value.numeratorAboveDenominator", numerator, denominator);
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.PERCENT;
        }

        @Override
        public String text() {
            return numerator + "/" + denominator;
        }

        /**
         * To thirty decimals: a percent of whole numbers that is not a target or a band's bound differs from it by
         * at least 1/(100 × denominator), far more than this rounds away. 101/115 of a 50-point criterion thus earns
         * 43.91, where the percent first rounded to 87.83 made it 43.92; and finer than the twenty decimals a
         * proportion of it is worked out to ({@link org.communedx.model.framework.ScoringRule#points}), so that an
         * exact half of a point's hundredth stays one.
         */
        @Override
        public BigDecimal measure() {
            return percent(30);
        }

        @Override
        public BigDecimal shownMeasure() {
            return percent(2);
        }

        private BigDecimal percent(int scale) {
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
        }
    }

    record Count(int count) implements EntryValue {

        public Count {
            if (count < 0) {
                throw new RuleViolation("entry.value.countNegative");
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.COUNT;
        }

        @Override
        public String text() {
            return String.valueOf(count);
        }

        @Override
        public BigDecimal measure() {
            return BigDecimal.valueOf(count);
        }
    }

    record Level(int level) implements EntryValue {

        public Level {
            if (level < 0 || level > 3) {
                throw new RuleViolation("entry.value.levelOutOfRange", level);
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.LEVEL;
        }

        @Override
        public String text() {
            return String.valueOf(level);
        }

        @Override
        public BigDecimal measure() {
            return BigDecimal.valueOf(level);
        }
    }

    record YesNo(boolean yes) implements EntryValue {

        @Override
        public MeasurementType type() {
            return MeasurementType.BOOLEAN;
        }

        @Override
        public String text() {
            return yes ? "yes" : "no";
        }

        @Override
        public BigDecimal measure() {
            return yes ? BigDecimal.ONE : BigDecimal.ZERO;
        }
    }
}
