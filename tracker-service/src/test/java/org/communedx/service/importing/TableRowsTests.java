package org.communedx.service.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A workbook's cells as the imports read them. */
class TableRowsTests {

    @TempDir
    Path directory;

    /** POI showed a date cell as "3/5/26" on any server, which only a month-first reading could take. */
    @Test
    void aDateCellReadsAsAnIsoDayWithItsTimeIfItHasOne() throws IOException {
        Path file = directory.resolve("values.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat((short) 14);
            CellStyle minutes = workbook.createCellStyle();
            minutes.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2026, 3, 5));
            row.getCell(0).setCellStyle(day);
            row.createCell(1).setCellValue(LocalDateTime.of(2026, 3, 5, 8, 30));
            row.getCell(1).setCellStyle(minutes);
            row.createCell(2).setCellValue(5305);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
            row.createCell(3).setCellValue(0.5);
            row.getCell(3).setCellStyle(time);
            workbook.write(out);
        }
        List<List<String>> rows = new ArrayList<>();

        TableRows.firstSheet(file, ImportLimits.of(DataSize.ofMegabytes(1), 10, 100), TableRows.UNWATCHED,
                read -> { }, read -> rows.add(read.cells()));

        assertThat(rows).as("a time alone is no day").containsExactly(
                List.of("2026-03-05", "2026-03-05 08:30", "5305", "12:00"));
    }
}
