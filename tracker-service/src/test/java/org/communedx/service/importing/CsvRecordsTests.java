package org.communedx.service.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.communedx.service.importing.ImportFileRefused.Reason;
import org.communedx.service.testsupport.GeneratedLines;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The streaming reader under every CSV import: records one at a time, within the limits, lines named. */
class CsvRecordsTests {

    private static final String GSO_HEADER = "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp";

    private static final ImportLimits LIMITS = new ImportLimits(16 * 1024 * 1024, 50_000, 1000);

    @Test
    void stopsAMillionRowFileAtTheRowLimitHavingReadOnlyThatFar() {
        GeneratedLines file = new GeneratedLines(GSO_HEADER, 1_000_001,
                row -> "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Số " + row + "," + (10000 + row % 90000) + ",Xã");
        List<Long> seen = new ArrayList<>();

        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class,
                () -> CsvRecords.read(() -> file, LIMITS, record -> seen.add(record.getRecordNumber())));

        assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
        assertThat(refused.messageKey()).isEqualTo("import.limit.rows");
        assertThat(refused.arguments()).containsExactly(50_000);
        assertThat(seen).hasSize(50_001);
        // The parser reads ahead a buffer or two, no more: about 50,001 of the file's 68 MB of lines.
        assertThat(file.bytesRead()).isLessThan(4_000_000);
    }

    @Test
    void leavesBlankLinesOutOfTheRowCount() {
        List<CSVRecord> records = read("a,b\n\n1,2\n,\n3,4\n", new ImportLimits(1000, 2, 10));

        assertThat(records).extracting(CSVRecord::getRecordNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void refusesAHugeCellBeforeTheParserHasGatheredIt() {
        GeneratedLines file = new GeneratedLines("a,b\nc,\"" + "x".repeat(500), 50_000, row -> "x".repeat(100));

        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class,
                () -> CsvRecords.read(() -> file, LIMITS, record -> { }));

        assertThat(refused.reason()).isEqualTo(Reason.CELL_TOO_LONG);
        // The quoted cell opens on line 2 and passes 1,000 characters five lines further down.
        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.arguments()).containsExactly(1000);
        assertThat(file.bytesRead()).isLessThan(100_000);
    }

    @Test
    void countsAQuotedCellWholeAcrossCommasAndLineBreaksAndADoubledQuoteAsOne() {
        ImportLimits tenCharacters = new ImportLimits(1000, 10, 10);

        assertThat(read("a,\"12,4\n6\"\"89X\",b\n", tenCharacters).get(0).get(1)).isEqualTo("12,4\n6\"89X");
        assertThat(catchThrowableOfType(ImportFileRefused.class, () -> read("a,\"12,4\n6\"\"89XY\"\n", tenCharacters))
                .reason()).isEqualTo(Reason.CELL_TOO_LONG);
        assertThat(catchThrowableOfType(ImportFileRefused.class, () -> read("a,12345678901\n", tenCharacters))
                .reason()).isEqualTo(Reason.CELL_TOO_LONG);
    }

    @Test
    void refusesAFileOverTheByteLimitWithoutReadingOn() {
        GeneratedLines file = new GeneratedLines("a,b", 10_000_000, row -> row + ",x");

        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class,
                () -> CsvRecords.read(() -> file, new ImportLimits(64 * 1024, 100_000_000, 100), record -> { }));

        assertThat(refused.reason()).isEqualTo(Reason.FILE_TOO_LARGE);
        assertThat(refused.messageKey()).isEqualTo("import.limit.fileSize");
        assertThat(refused.arguments()).containsExactly("64 KB");
        assertThat(file.bytesRead()).isLessThan(64 * 1024 + 16 * 1024);
    }

    @Test
    void namesTheLineOfTheFirstBytesThatAreNotUtf8EvenPastTheFirstBuffer() {
        String before = "a,b\n" + "1,2\n".repeat(5000);
        byte[] start = before.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[start.length + 4];
        System.arraycopy(start, 0, content, 0, start.length);
        content[start.length] = 'x';
        content[start.length + 1] = (byte) 0xE0;
        content[start.length + 2] = ',';
        content[start.length + 3] = '\n';

        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class, () -> read(content, LIMITS));

        assertThat(refused.reason()).isEqualTo(Reason.NOT_UTF8);
        assertThat(refused.line()).isEqualTo(5002);
    }

    /** PostgreSQL refuses NUL: one in a name was a failed import job rather than a problem on its line. */
    @Test
    void refusesAControlCharacterAtItsLineButTakesTabsAndLineBreaks() {
        assertThat(read("a,b\r\n\"x\ty\",\"two\nlines\"\r\n", LIMITS)).hasSize(2);

        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class,
                () -> read("a,b\n1,2\nXã\u0000,3\n", LIMITS));

        assertThat(refused.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.messageKey()).isEqualTo("import.refused.controlCharacter");
    }

    @Test
    void dropsTheByteOrderMarkOfSpreadsheetPrograms() {
        assertThat(read("\uFEFFa,b\n1,2\n", LIMITS).get(0).toList()).containsExactly("a", "b");
    }

    @Test
    void refusesMalformedCsvAtTheRecordAfterTheLastGoodOne() {
        ImportFileRefused refused = catchThrowableOfType(ImportFileRefused.class,
                () -> read("a,b\n1,2\n\"open,3\n", LIMITS));

        assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_CSV);
        assertThat(refused.line()).isEqualTo(3);
    }

    private static List<CSVRecord> read(String text, ImportLimits limits) {
        return read(text.getBytes(StandardCharsets.UTF_8), limits);
    }

    private static List<CSVRecord> read(byte[] content, ImportLimits limits) {
        List<CSVRecord> records = new ArrayList<>();
        InputStreamSource file = new ByteArrayResource(content);
        CsvRecords.read(file, limits, records::add);
        return records;
    }
}
