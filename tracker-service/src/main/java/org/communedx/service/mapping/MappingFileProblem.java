package org.communedx.service.mapping;

import java.util.List;

/**
 * One reason a mapping file was refused, with where it is. The web layer renders the place, field and message key
 * in the user's language.
 * @param place the whole file, a link of the YAML file (numbered from 1, as listed), or a row of a workbook sheet
 * @param number the link or row number (from 1); 0 for the whole file
 * @param field the field the problem is about, e.g. {@code kind}, or {@code null}
 */
public record MappingFileProblem(Place place, int number, String field, String messageKey, List<Object> arguments) {

    public MappingFileProblem {
        arguments = List.copyOf(arguments);
    }

    static MappingFileProblem ofFile(String messageKey, Object... arguments) {
        return new MappingFileProblem(Place.FILE, 0, null, messageKey, List.of(arguments));
    }

    public enum Place {
        FILE, YAML_LINK, VERSIONS_SHEET_ROW, LINKS_SHEET_ROW
    }
}
