package org.communedx.service.unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.core.io.ByteArrayResource;

/** Hand-written files in the GSO and merge-mapping layouts; never copies of the reference data. */
final class UnitFixtures {

    static final LocalDate LIST_DATE = LocalDate.of(2025, 3, 1);

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private UnitFixtures() {
    }

    /** A test file as an upload. */
    static ByteArrayResource file(String name) {
        return new ByteArrayResource(resource(name));
    }

    /** A CSV text as an upload. */
    static ByteArrayResource csv(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] resource(String name) {
        try (InputStream in = UnitFixtures.class.getResourceAsStream("/units/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A sheet whose code cells are numbers, as a spreadsheet stores codes typed without a leading apostrophe. */
    static byte[] spreadsheet(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                headerRow.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    }
                    else {
                        row.createCell(i).setCellValue((String) values.get(i));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
