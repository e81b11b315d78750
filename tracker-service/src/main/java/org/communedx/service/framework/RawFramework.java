package org.communedx.service.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communedx.model.Unicode;
import org.communedx.service.framework.ImportProblem.Place;

/**
 * What a file reader found, still as text, with the line or row of every value: the common ground on which
 * {@link DocumentRules} checks YAML and XLSX alike.
 */
record RawFramework(RawRecord header, List<RawGroup> groups, List<RawRecord> classes) {

    /** A file without classes (an older one, or a framework that ranks into none). */
    RawFramework(RawRecord header, List<RawGroup> groups) {
        this(header, groups, List.of());
    }

    record RawGroup(RawRecord group, List<RawRecord> criteria) {
    }

    /** One framework header, group or criterion, from a YAML mapping or a sheet row. */
    record RawRecord(Place place, int number, Map<String, RawValue> values) {

        RawRecord(Place place, int number) {
            this(place, number, new LinkedHashMap<>());
        }

        RawValue value(String field) {
            RawValue value = values.get(field);
            return value == null ? new RawValue(null, number) : value;
        }

        ImportProblem problem(String field, String messageKey, Object... arguments) {
            return new ImportProblem(place, value(field).number(), field, messageKey, arguments);
        }
    }

    /**
     * @param text the value as written, in NFC and stripped, or {@code null} when absent or blank: a file typed with
     *     combining marks ("To\u0302\u0301t") names what the editor's forms, which read NFC, name ("Tốt"), so that
     *     the rules that compare names (a class named twice) and count characters see one text
     */
    record RawValue(String text, int number) {

        RawValue {
            text = text == null || text.isBlank() ? null : Unicode.nfc(text).strip();
        }
    }
}
