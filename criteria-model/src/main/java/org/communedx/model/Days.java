package org.communedx.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * Days as people and date fields write them: ISO (2026-12-31), as a date field and a script do, or day first
 * (31/12/2026), as every page writes them; the year in four digits, resolved strictly, so that 31/02/2026 is no day
 * rather than 28 February, and a year of nine digits (which ISO's own parser takes, and PostgreSQL refuses) none.
 * A form's, a link's and a file's days are read by this one rule.
 */
public final class Days {

    /** A day as ISO writes it, four-digit years only. */
    public static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DAY_FIRST = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral('/')
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral('/')
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private Days() {
    }

    /** The day the text writes, around spaces, of the year 1 or later; empty for anything else. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (DateTimeFormatter shape : List.of(ISO, DAY_FIRST)) {
            try {
                // Year 0 is 1 BC: a page showed 0000-01-01 as 01/01/0001.
                return Optional.of(LocalDate.parse(text.strip(), shape)).filter(day -> day.getYear() >= 1);
            }
            catch (DateTimeParseException notThisShape) {
                // The next shape.
            }
        }
        return Optional.empty();
    }
}
