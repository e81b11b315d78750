package org.communedx.service.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.communedx.service.audit.AuditSearch.AuditRow;
import org.communedx.service.report.Cells;
import org.communedx.service.report.Labels;

/**
 * Audit events as RFC 4180 CSV in UTF-8 with a byte order mark (for Excel), in the words of {@link AuditText}; every
 * text is neutralised against CSV injection. The caller owns the stream: closing this flushes it, no more.
 */
final class AuditCsv implements AutoCloseable {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final CSVPrinter printer;

    private final Labels labels;

    AuditCsv(OutputStream out, Labels labels) throws IOException {
        this.labels = labels;
        out.write(BOM);
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
                CSVFormat.RFC4180);
        print(List.of(labels.get("audit.time"), labels.get("audit.username"), labels.get("audit.actor"),
                labels.get("audit.ip"), labels.get("audit.entityType"), labels.get("audit.actionColumn"),
                labels.get("audit.subject"), labels.get("audit.changes")));
    }

    void write(AuditRow row) throws IOException {
        String actorName = row.bySystem() ? labels.get("audit.actor.system")
                : row.token() != null ? labels.get("actor.token", row.token().name(), row.token().issuer())
                : row.actorName() == null ? "" : row.actorName();
        print(List.of(Cells.csvTime(row.localTime().toLocalDateTime()), row.actor(), actorName,
                row.ip() == null ? "" : row.ip(), AuditText.kind(row.entityType(), labels),
                AuditText.action(row.action(), labels), AuditText.subject(row, labels),
                String.join("\n", AuditText.changes(row, labels))));
    }

    private void print(List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(Cells::neutralise).toList());
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
