package org.communedx.web.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.communedx.model.Numbers;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;

import org.jspecify.annotations.Nullable;

/**
 * How every page writes numbers and dates, as {@code #formats} in the templates: decimals in the user's language
 * (44,4 in Vietnamese, 44.4 in English, grouped by thousands), days as dd/MM/yyyy, moments as dd/MM/yyyy HH:mm in
 * Vietnam's time. The same text as {@code #numbers.formatDecimal(value, 1, 'DEFAULT', digits, 'DEFAULT')} and
 * {@code #temporals.format}, which build a number format or a date pattern on every call: a scorecard wrote about a
 * hundred of them, a tenth of its rendering. Here each is built once per language and copied, or shared where it is
 * immutable.
 */
public final class Formats {

    /** Where the communes are, whatever the server's zone. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Map<Locale, Map<Integer, DecimalFormat>> DECIMALS = new ConcurrentHashMap<>();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    private final Locale locale;

    Formats(Locale locale) {
        this.locale = locale;
    }

    /**
     * The value with exactly {@code digits} decimals, rounded half up as every figure of the tracker is: a group at
     * 12.5% is 13 in a heatmap's whole numbers, not the 12 of Java's default half-even rounding.
     */
    public @Nullable String decimal(@Nullable Number value, int digits) {
        if (value == null) {
            return null;
        }
        DecimalFormat prototype = DECIMALS.computeIfAbsent(locale, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(digits, this::decimalFormat);
        // DecimalFormat keeps state while it formats: each call formats with a copy of its own.
        return ((DecimalFormat) prototype.clone()).format(value);
    }

    /**
     * Points as a framework shows them: rounded half up to its {@code decimals} (as provinces publish, 825.61), in the
     * user's language; a whole maximum such as 1,000 needs no decimals, so {@link #maximum} writes it without.
     */
    public @Nullable String points(@Nullable BigDecimal value, int decimals) {
        return points(value, new ScoreSettings(ScoreDisplay.POINTS, decimals, null));
    }

    /** Points as the version shows them ({@link ScoreSettings#round}), in the user's language. */
    public @Nullable String points(@Nullable BigDecimal value, ScoreSettings settings) {
        return value == null ? null : decimal(settings.round(value), settings.decimals());
    }

    /** A maximum of points: its decimals only when it has any (1,000 but 12.5). */
    public @Nullable String maximum(@Nullable BigDecimal value) {
        return number(value);
    }

    /** A number with the decimals it has and no more, in the user's language: a target of 87,5 in Vietnamese. */
    public @Nullable String number(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return decimal(stripped, Math.max(0, stripped.scale()));
    }

    /** A day, or the day of a moment in Vietnam. */
    public @Nullable String date(@Nullable TemporalAccessor day) {
        return day(day);
    }

    /** The same, where no page's language is at hand: days read alike in both languages. */
    public static @Nullable String day(@Nullable TemporalAccessor day) {
        return day == null ? null : DAY.format(day);
    }

    /** A moment in Vietnam's time. */
    public @Nullable String dateTime(@Nullable TemporalAccessor moment) {
        return moment == null ? null : MOMENT.format(moment);
    }

    /**
     * When a value was measured: its day alone when that is the start of a day in Vietnam, which is how a file that
     * gave only the day is kept ("31/10/2026", not "31/10/2026 00:00"); else the moment.
     */
    public @Nullable String measured(@Nullable Instant moment) {
        if (moment == null) {
            return null;
        }
        ZonedDateTime local = moment.atZone(VIETNAM);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? day(local) : dateTime(moment);
    }

    /** A scoring rule's bands as an administrator types them, with the language's decimal mark: "0..50,5=0". */
    public @Nullable String steps(@Nullable String text) {
        return Numbers.withDecimalMark(text, locale);
    }

    private DecimalFormat decimalFormat(int digits) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMinimumIntegerDigits(1);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(true);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
