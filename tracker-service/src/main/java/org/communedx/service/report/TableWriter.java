package org.communedx.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes tables row by row to a stream, as CSV or XLSX. A cell is a {@link String} (neutralised against formulas),
 * a {@link Number} (stays a number), a {@link java.time.LocalDateTime}, or null for an empty cell.
 * {@link #finish()} writes what is left and frees what the format held (XLSX temporary files); it leaves the stream
 * open, for the caller that opened it to close.
 */
sealed interface TableWriter extends AutoCloseable permits CsvTableWriter, XlsxTableWriter {

    /** Starts a table with its header row: a new sheet in XLSX. A CSV file holds exactly one table. */
    void table(String name, List<String> headers) throws IOException;

    void row(List<?> cells) throws IOException;

    void finish() throws IOException;

    /** Frees what {@link #finish()} would, also when writing failed half-way. */
    @Override
    void close() throws IOException;

    static TableWriter open(ExportFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(out);
            case XLSX -> new XlsxTableWriter(out);
        };
    }
}
