package org.communedx.service.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.communedx.model.mapping.MappingProblem;

import org.communedx.service.mapping.MappingFileProblem.Place;

/**
 * What a mapping file holds, still as text, with the place of each part: the common ground on which
 * {@link MappingTransfer} checks YAML and XLSX alike.
 * @param header the two versions' codes and versions, by field ({@code fromCode} ...); absent ones are missing
 */
record RawMapping(Place headerPlace, int headerNumber, Map<String, String> header, List<RawLink> links) {

    /**
     * @param kind as written, or {@code null}
     * @param from the old criteria's codes, in order
     * @param to the new criteria's codes, in order
     */
    record RawLink(Place place, int number, String kind, List<String> from, List<String> to) {

        MappingFileProblem problem(String field, String messageKey, Object... arguments) {
            return new MappingFileProblem(place, number, field, messageKey, List.of(arguments));
        }

        /** A problem the mapping's rules found with this link, placed where the file states it. */
        MappingFileProblem problemOf(MappingProblem problem) {
            return new MappingFileProblem(place, number, null, problem.messageKey(), problem.arguments());
        }
    }

    /** Codes as a cell or a YAML scalar write them: separated by commas, blanks ignored. */
    static List<String> codes(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
