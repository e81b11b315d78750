package org.communedx.service.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the workbooks the tracker writes to be edited and read back (a framework, a mapping): a criterion named
 * {@code =HYPERLINK(...)} is text marked with the quote prefix, which editing the cell (F2, Enter) does not make a
 * formula of, and it reads back as written.
 */
class WorkbookSheetsTests {

    @Test
    void formulaLikeTextIsMarkedAsTextAndReadsBackAsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookSheets.row(workbook.createSheet("Tiêu chí"), 0, "=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1",
                    "@SUM(1)", "Tỷ lệ hộ gia đình", new BigDecimal("-1"));
            WorkbookSheets.row(workbook.getSheet("Tiêu chí"), 1, "=1+1");
            workbook.write(out);
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = workbook.getSheet("Tiêu chí").getRow(0);
            for (int i = 0; i < 4; i++) {
                assertThat(row.getCell(i).getCellStyle().getQuotePrefixed()).as("cell %d", i).isTrue();
            }
            assertThat(WorkbookSheets.text(row.getCell(0))).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
            assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(row.getCell(5).getNumericCellValue()).as("a number stays one").isEqualTo(-1);
            assertThat(workbook.getSheet("Tiêu chí").getRow(1).getCell(0).getCellStyle().getIndex())
                    .as("one style for every such cell").isEqualTo(row.getCell(0).getCellStyle().getIndex());
        }
    }
}
