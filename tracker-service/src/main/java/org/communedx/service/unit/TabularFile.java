package org.communedx.service.unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.importing.CsvRecords;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.LimitedInputStream;
import org.communedx.service.importing.UploadContent;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import org.springframework.core.io.InputStreamSource;

/**
 * The rows of an uploaded CSV (UTF-8) or XLSX file, told apart by their content, never by the file name, and read
 * one at a time within the import's limits: the file is never held whole, and the first row, byte or cell beyond a
 * limit refuses it.
 */
final class TabularFile {

    private TabularFile() {
    }

    /** The limits of the GSO list and the merge mapping, which share the page and the reader. */
    static ImportLimits limits(CommuneDxProperties properties) {
        CommuneDxProperties.Imports imports = properties.imports();
        return ImportLimits.of(imports.units().maxFileSize(), imports.units().maxRows(), imports.maxCellLength());
    }

    /** A row with its line number in the file (the header is line 1). */
    record TabularRow(int line, List<String> cells, boolean fromSpreadsheet) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /**
         * A code as the file means it: spreadsheets store "04789" typed as a number as 4789, so a number
         * cell gets its leading zeros back.
         */
        String code(int index, int length) {
            String value = cell(index);
            if (fromSpreadsheet && value.matches("[0-9]{1," + (length - 1) + "}")) {
                return "0".repeat(length - value.length()) + value;
            }
            return value;
        }
    }

    /**
     * Hands the non-blank rows to {@code each}, header first; refuses files that are empty, not UTF-8, neither CSV
     * nor XLSX, or beyond a limit. A refusal can come after some rows were handed over, so nothing may be written
     * before the whole file has been read.
     */
    static void read(InputStreamSource file, ImportLimits limits, Consumer<TabularRow> each) {
        String mediaType = UploadContent.mediaType(file).orElseThrow(
                () -> new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile")));
        NonBlank rows = new NonBlank(each);
        try {
            if (UploadContent.isZip(mediaType)) {
                readSpreadsheet(file, limits, rows);
            }
            else if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
                CsvRecords.read(file, limits,
                        record -> rows.accept(new TabularRow((int) record.getRecordNumber(), record.toList(), false)));
            }
            else {
                throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.notCsvOrXlsx", mediaType));
            }
        }
        catch (ImportFileRefused refused) {
            throw new UnitImportRejected(switch (refused.reason()) {
                case NOT_UTF8 -> new ImportProblem(refused.line(), null, "unit.import.problem.notUtf8");
                case MALFORMED_CSV -> new ImportProblem(refused.line(), null, "unit.import.problem.malformedCsv");
                default -> new ImportProblem(refused.line(), null, refused.messageKey(), refused.arguments().toArray());
            });
        }
        if (rows.count == 0) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
        }
    }

    /**
     * The first sheet through POI's streaming (SAX) reader, a row at a time, from a copy on disk that POI opens as a
     * ZIP file and unpacks part by part (from a stream it would unpack the whole workbook into memory). Only the
     * shared strings and the styles are held, which the unpacked size limit bounds.
     */
    private static void readSpreadsheet(InputStreamSource file, ImportLimits limits, Consumer<TabularRow> each) {
        UploadContent.requireUnpackedWithin(file, limits.maxBytes());
        Path copy = null;
        OPCPackage workbook = null;
        try {
            copy = Files.createTempFile("communedx-import-", ".xlsx");
            try (InputStream in = new LimitedInputStream(file.getInputStream(), limits.maxBytes())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                // With the styles, a number shows as the sheet shows it: 5305 typed as a number is "5305", not "5305.0".
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                        new Rows(limits, each), new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                | IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.unreadableXlsx"));
        }
        finally {
            // Read-only: revert() lets the file go without the warning close() logs for a package it cannot save.
            if (workbook != null) {
                workbook.revert();
            }
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
        }
        catch (IOException ex) {
            // A copy left in the temporary directory changes nothing about the import, which has answered.
        }
    }

    /** Leaves out blank rows, and counts the others. */
    private static final class NonBlank implements Consumer<TabularRow> {

        private final Consumer<TabularRow> each;

        private int count;

        NonBlank(Consumer<TabularRow> each) {
            this.each = each;
        }

        @Override
        public void accept(TabularRow row) {
            if (!row.isBlank()) {
                count++;
                each.accept(row);
            }
        }
    }

    /** A sheet's rows as the streaming reader reports them: only cells with a value, each with its reference. */
    private static final class Rows implements SheetContentsHandler {

        private final ImportLimits limits;

        private final Consumer<TabularRow> each;

        private List<String> cells = new ArrayList<>();

        private int rows;

        Rows(ImportLimits limits, Consumer<TabularRow> each) {
            this.limits = limits;
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            // The header, then the rows: one more than the limit, and the file is refused.
            if (++rows > limits.maxRows() + 1L) {
                throw ImportFileRefused.tooManyRows(limits.maxRows());
            }
            each.accept(new TabularRow(rowNum + 1, cells, true));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (value != null && value.length() > limits.maxCellLength()) {
                int line = reference == null ? 0 : new CellReference(reference).getRow() + 1;
                throw ImportFileRefused.cellTooLong(line, limits.maxCellLength());
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}
