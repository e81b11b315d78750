package org.communedx.service.audit;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.communedx.model.Numbers;
import org.communedx.service.audit.AuditSearch.AuditRow;
import org.communedx.service.audit.AuditSearch.Change;
import org.communedx.service.audit.AuditSearch.Subject;
import org.communedx.service.report.Labels;

/**
 * An audit event in words, the same on the page and in the CSV: the kind of record and the action from the message
 * bundles, the subject by name, and each changed field as "label: before → after". A field or action the bundles do
 * not name yet shows as stored rather than failing the page.
 */
public final class AuditText {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final DateTimeFormatter MOMENT_TEXT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /**
     * The fields whose stored value is a code, by kind of record and field, with the prefix of the messages that name
     * each code as the pages do: "PERCENT" or "DRAFT" is no word of the reader's.
     */
    private static final Map<String, String> CODES = Map.of(
            "USER/role", "users.role.",
            "API_TOKEN/role", "users.role.",
            "CRITERION_ENTRY/status", "entry.status.",
            "FRAMEWORK/status", "framework.status.",
            "FRAMEWORK/scoreDisplay", "framework.scoring.display.",
            "CRITERION/type", "criterion.type.",
            "CRITERION/comparison", "framework.edit.comparison.",
            "CRITERION/scoring", "framework.scoring.");

    /**
     * The fields whose stored value is a number, which reads in the reader's language as on the pages: a target of
     * 25.5 is "25,5" and a file of 1234567 bytes "1.234.567" in Vietnamese, where the stored "25.5" read as 255.
     */
    private static final Set<String> NUMBERS = Set.of("target", "weight", "declaredTotal", "numerator", "denominator",
            "count", "level", "targetPercent", "targetCommunes", "sizeBytes", "scoreDecimals");

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private AuditText() {
    }

    public static String kind(String entityType, Labels labels) {
        return message(labels, "audit.entity." + entityType, entityType);
    }

    public static String action(String action, Labels labels) {
        return message(labels, "audit.action." + action, action);
    }

    public static String field(String field, Labels labels) {
        return message(labels, "audit.field." + field, field);
    }

    /** The unit, period, criterion and name that the event concerns, those it has, joined by " · ". */
    public static String subject(AuditRow row, Labels labels) {
        Subject subject = row.subject();
        List<String> parts = new ArrayList<>();
        add(parts, subject.unitName());
        add(parts, subject.periodName());
        if (subject.criterionCode() != null) {
            String name = "en".equals(labels.locale().getLanguage()) ? subject.criterionNameEn()
                    : subject.criterionNameVi();
            parts.add(name == null ? subject.criterionCode() : subject.criterionCode() + " " + name);
        }
        add(parts, subject.name());
        return String.join(" · ", parts);
    }

    /** One changed field: what it became in a record made anew, else what it was and what it became. */
    public static String change(AuditRow row, Change change, Labels labels) {
        String field = field(change.field(), labels);
        if (change.before() == null) {
            return labels.get("audit.change.set", field, value(row, change.field(), change.after(), labels));
        }
        return labels.get("audit.change.changed", field, valueOrNone(row, change.field(), change.before(), labels),
                valueOrNone(row, change.field(), change.after(), labels));
    }

    private static String valueOrNone(AuditRow row, String field, String value, Labels labels) {
        return value == null || value.isEmpty() ? labels.get("audit.value.none") : value(row, field, value, labels);
    }

    public static List<String> changes(AuditRow row, Labels labels) {
        return row.changes().stream().map(change -> change(row, change, labels)).toList();
    }

    /**
     * Yes and no and the {@link #CODES} in words, a day and a moment as every page writes them (dd/MM/yyyy, and HH:mm
     * in Vietnam), the {@link #NUMBERS} in the reader's language; anything else as stored.
     */
    static String value(AuditRow row, String field, String value, Labels labels) {
        if ("true".equals(value) || "false".equals(value)) {
            return labels.get("audit.value." + value);
        }
        if (DAY.matcher(value).matches()) {
            return day(value);
        }
        if (MOMENT.matcher(value).matches()) {
            try {
                return Instant.parse(value).atZone(AuditSearch.VIETNAM).format(MOMENT_TEXT);
            }
            catch (DateTimeParseException notOne) {
                return value;
            }
        }
        if (NUMBERS.contains(field) && NUMBER.matcher(value).matches()) {
            NumberFormat number = NumberFormat.getNumberInstance(labels.locale());
            number.setMaximumFractionDigits(30);
            return number.format(new BigDecimal(value));
        }
        if ("steps".equals(field)) {
            return Numbers.withDecimalMark(value, labels.locale());
        }
        String codes = CODES.get(row.entityType() + "/" + field);
        return codes == null ? value : message(labels, codes + value, value);
    }

    /** A stored day (2025-07-01) as every page writes it (01/07/2025); the text as stored when it is no day. */
    static String day(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return LocalDate.parse(stored).format(DAY_TEXT);
        }
        catch (DateTimeParseException notADay) {
            return stored;
        }
    }

    private static void add(List<String> parts, String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part);
        }
    }

    private static String message(Labels labels, String key, String otherwise) {
        return labels.messages().getMessage(key, null, otherwise, labels.locale());
    }
}
