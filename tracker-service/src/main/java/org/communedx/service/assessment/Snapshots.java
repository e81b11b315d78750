package org.communedx.service.assessment;

import java.util.Map;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import tools.jackson.databind.json.JsonMapper;

/** Reads back what {@code CriterionEntry.snapshot()} wrote to the audit trail. */
final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        return json == null ? Map.of() : JSON.readValue(json, Map.class);
    }

    static EntryStatus status(Map<String, Object> snapshot) {
        Object status = snapshot.get("status");
        return status == null ? null : EntryStatus.valueOf(status.toString());
    }

    /** The value the snapshot holds, or null; the columns are the entity's, one set per measurement type. */
    static EntryValue value(Map<String, Object> snapshot) {
        Integer numerator = integer(snapshot.get("numerator"));
        Integer denominator = integer(snapshot.get("denominator"));
        if (numerator != null && denominator != null) {
            return new EntryValue.Percent(numerator, denominator);
        }
        Integer count = integer(snapshot.get("count"));
        if (count != null) {
            return new EntryValue.Count(count);
        }
        Integer level = integer(snapshot.get("level"));
        if (level != null) {
            return new EntryValue.Level(level);
        }
        Object yesNo = snapshot.get("yesNo");
        return yesNo instanceof Boolean yes ? new EntryValue.YesNo(yes) : null;
    }

    static String text(Map<String, Object> snapshot, String key) {
        Object value = snapshot.get(key);
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}
