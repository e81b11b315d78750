package org.communedx.service.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.InputStreamSource;

/**
 * The records of an uploaded CSV file, one at a time as they are parsed, so that the file is never held whole: at
 * most one record and a buffer of text at a time, whatever the file's size.
 */
public final class CsvRecords {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvRecords() {
    }

    /**
     * Hands every record to {@code each}, blank lines included (the row limit counts only the others), so that a record's number is its line in the file (a
     * quoted value over several lines aside).
     *
     * @throws ImportFileRefused at the first limit passed, at bytes that are not UTF-8, or at malformed CSV; the
     *     records handed over until then are only part of the file
     */
    public static void read(InputStreamSource file, ImportLimits limits, Consumer<CSVRecord> each) {
        long lastRecord = 0;
        long rows = 0;
        try (InputStream in = file.getInputStream();
                CSVParser parser = FORMAT.parse(UploadReader.csv(in, limits))) {
            for (CSVRecord record : parser) {
                lastRecord = record.getRecordNumber();
                // The header, then the rows: one more than the limit, and the file is refused. Blank lines are
                // left out of the count, and the byte limit bounds them.
                boolean blank = record.stream().allMatch(String::isBlank);
                if (!blank && ++rows > limits.maxRows() + 1L) {
                    throw ImportFileRefused.tooManyRows(limits.maxRows());
                }
                each.accept(record);
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException ex) {
            throw new ImportFileRefused(ImportFileRefused.Reason.MALFORMED_CSV, (int) lastRecord + 1);
        }
    }
}
