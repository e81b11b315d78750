package org.communedx.service.framework;

import java.util.List;

/**
 * One reason an import file was refused, with where it is, so that the administrator can find and fix it.
 * The web layer renders the place, field and message key in the user's language.
 * @param place the kind of place: the whole file, a YAML line or a row of one of the workbook's sheets
 * @param number the line or row number as an editor shows it (from 1); 0 for the whole file
 * @param field the field the problem is about, e.g. {@code target}, or {@code null}
 */
public record ImportProblem(Place place, int number, String field, String messageKey, List<Object> arguments) {

    ImportProblem(Place place, int number, String field, String messageKey, Object... arguments) {
        this(place, number, field, messageKey, List.of(arguments));
    }

    static ImportProblem ofFile(String messageKey, Object... arguments) {
        return new ImportProblem(Place.FILE, 0, null, messageKey, arguments);
    }

    public enum Place {
        FILE, YAML_LINE, FRAMEWORK_SHEET_ROW, GROUPS_SHEET_ROW, CRITERIA_SHEET_ROW, CLASSES_SHEET_ROW
    }
}
