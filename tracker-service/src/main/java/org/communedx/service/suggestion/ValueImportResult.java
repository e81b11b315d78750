package org.communedx.service.suggestion;

import java.util.List;

import org.communedx.service.suggestion.SuggestedValues.Suggestion;

/**
 * What a value import did: the values stored as suggestions, or every problem of the file with nothing written.
 * Kept, with the job, for the one who imported it to read and download.
 *
 * @param layout null when the header named neither layout, or the file could not be read
 * @param rows the file's rows below the header, notes left out
 * @param imported the values stored, in the file's order; empty when refused
 * @param submitted entries of automatic criteria that went to their reviewers
 * @param millis how long reading, checking and writing took
 */
public record ValueImportResult(String fileName, ValueImport.Layout layout, int rows, List<Suggestion> imported,
        int submitted, List<ValueImportProblem> problems, long millis) {

    static ValueImportResult refused(String fileName, ValueImport.Layout layout, int rows,
            List<ValueImportProblem> problems, long startedNanos) {
        return new ValueImportResult(fileName, layout, Math.max(0, rows), List.of(), 0, List.copyOf(problems),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    static ValueImportResult imported(String fileName, ValueImport.Layout layout, int rows,
            SuggestedValues.Outcome outcome, List<Suggestion> imported, long startedNanos) {
        return new ValueImportResult(fileName, layout, rows, List.copyOf(imported), outcome.submitted(), List.of(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
