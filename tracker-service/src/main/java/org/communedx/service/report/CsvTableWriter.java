package org.communedx.service.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV in UTF-8, starting with a byte order mark so that Excel reads it as UTF-8. */
final class CsvTableWriter implements TableWriter {

    static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final OutputStream out;

    private final CSVPrinter printer;

    private boolean started;

    CsvTableWriter(OutputStream out) throws IOException {
        this.out = out;
        out.write(BOM);
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
                CSVFormat.RFC4180);
    }

    @Override
    public void table(String name, List<String> headers) throws IOException {
        if (started) {
            throw new IllegalStateException("A CSV file holds one table");
        }
        started = true;
        row(headers);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(text(cell));
        }
        printer.printRecord(texts);
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number number) {
            return number.toString();
        }
        if (cell instanceof LocalDateTime time) {
            return Cells.csvTime(time);
        }
        return Cells.neutralise(cell.toString());
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        out.flush();
    }

    /** Nothing to free; the stream belongs to the caller. */
    @Override
    public void close() {
    }
}
