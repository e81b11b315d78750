package org.communedx.service.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.communedx.model.ControlCharacters;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;

/**
 * The rows of an uploaded table, a CSV file or the first sheet of an XLSX, handed over one at a time as they are
 * read within the import's limits: the file is never held whole, and the first row, byte or cell beyond a limit
 * refuses it. Blank rows are left out, of the rows handed over and of the row limit alike. What each import makes
 * of the rows, and which files it refuses besides, is its own.
 */
public final class TableRows {

    private TableRows() {
    }

    /** A non-blank row and its line in the file (the header is line 1); its cells as text by column, "" if empty. */
    public record Row(int line, List<String> cells) {

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * What the streaming reader sees of a workbook besides its values, for an import that refuses what it cannot
     * read as typed. The reader itself refuses none of it.
     */
    public interface SheetWatcher {

        /** Every sheet's name in order, and those of the hidden ones, before any row is read. */
        default void sheets(List<String> names, List<String> hidden) {
        }

        /** A formula in the sheet's cell, null where the cell has no reference; its result is read as cached. */
        default void formula(CellReference cell) {
        }

        /** Merged cells, as their range, e.g. "A2:A5". */
        default void merged(String range) {
        }

        /** A row hidden, by hand or by a filter, by its number from 1; told before its cells. */
        default void hiddenRow(int row) {
        }

        /** Columns hidden, by their indexes from 0, first and last; told before any row. */
        default void hiddenColumns(int first, int last) {
        }
    }

    /**
     * Whether a CSV file's header row is one cell holding semicolons: Excel in a Vietnamese or European locale saves
     * "CSV" with semicolons, and every import says so rather than that the header is wrong.
     */
    public static boolean semicolonSeparated(List<String> header) {
        return header.size() == 1 && header.get(0).contains(";");
    }

    /** Watches nothing. */
    public static final SheetWatcher UNWATCHED = new SheetWatcher() {
    };

    /**
     * Hands the non-blank records of a CSV file (strict UTF-8) to {@code each}.
     * @return how many rows were handed over
     * @throws ImportFileRefused at a limit, at bytes that are not UTF-8, or at malformed CSV; the rows handed over
     *     until then are only part of the file
     */
    public static int csv(InputStreamSource file, ImportLimits limits, Consumer<Row> each) {
        NonBlank rows = new NonBlank(each);
        CsvRecords.read(file, limits, record -> rows.accept(new Row((int) record.getRecordNumber(), record.toList())));
        return rows.count;
    }

    /**
     * Hands the non-blank rows of the workbook's first sheet to {@code each}, through POI's streaming (SAX) reader,
     * from a file on disk that POI opens as a ZIP file and unpacks part by part (from a stream it would unpack the
     * whole workbook into memory). Only the shared strings and the styles are held, which the unpacked size limit
     * bounds.
     * @param sheetBytesRead told of the sheet's unpacked bytes read so far, of {@link #firstSheetSize}
     * @return how many rows were handed over; none for a workbook without sheets
     * @throws ImportFileRefused at a limit, or {@link ImportFileRefused.Reason#NOT_XLSX} for a file POI cannot read;
     *     the rows handed over until then are only part of the file
     */
    public static int firstSheet(Path file, ImportLimits limits, SheetWatcher watcher, LongConsumer sheetBytesRead,
            Consumer<Row> each) {
        UploadContent.requireUnpackedWithin(new FileSystemResource(file), limits.maxBytes());
        NonBlank rows = new NonBlank(each);
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            watchSheets(reader, watcher);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return 0;
            }
            try (InputStream sheet = sheets.next()) {
                long size = partSize(file, sheets.getSheetPart().getPartName().getName());
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new Watched(reader.getStylesTable(), strings, new Cells(limits, rows),
                        watcher));
                parser.parse(new InputSource(new CountingInputStream(sheet,
                        read -> sheetBytesRead.accept(size <= 0 ? 0 : Math.min(read, size)))));
            }
            return rows.count;
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                | IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            throw new ImportFileRefused(ImportFileRefused.Reason.NOT_XLSX, 0);
        }
        finally {
            // Read-only: revert() lets the file go without the warning close() logs for a package it cannot save.
            if (workbook != null) {
                workbook.revert();
            }
        }
    }

    /** The unpacked bytes of the workbook's first sheet, which reading it counts against; -1 if unknown. */
    public static long firstSheetSize(Path file) {
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
            if (!sheets.hasNext()) {
                return -1;
            }
            sheets.next().close();
            return partSize(file, sheets.getSheetPart().getPartName().getName());
        }
        catch (IOException | OpenXML4JException | POIXMLException | IllegalArgumentException
                | IllegalStateException ex) {
            return -1;
        }
        finally {
            if (workbook != null) {
                workbook.revert();
            }
        }
    }

    private static long partSize(Path file, String partName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(partName.startsWith("/") ? partName.substring(1) : partName);
            return entry == null ? -1 : entry.getSize();
        }
        catch (IOException ex) {
            return -1;
        }
    }

    /** Tells the watcher the workbook's sheets and which of them are hidden, from the workbook's part. */
    private static void watchSheets(XSSFReader reader, SheetWatcher watcher)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        List<String> names = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("sheet".equals(localName)) {
                    String name = attributes.getValue("name");
                    names.add(name);
                    String state = attributes.getValue("state");
                    if ("hidden".equals(state) || "veryHidden".equals(state)) {
                        hidden.add(name);
                    }
                }
            }
        });
        try (InputStream book = reader.getWorkbookData()) {
            parser.parse(new InputSource(book));
        }
        watcher.sheets(names, hidden);
    }

    /** Leaves out blank rows, and counts the others. */
    private static final class NonBlank implements Consumer<Row> {

        private final Consumer<Row> each;

        private int count;

        NonBlank(Consumer<Row> each) {
            this.each = each;
        }

        @Override
        public void accept(Row row) {
            if (!row.isBlank()) {
                count++;
                each.accept(row);
            }
        }
    }

    /**
     * A date cell as ISO text, "2026-03-05" (with " 08:30" when it has a time), not as the server's locale shows
     * dates: POI's "3/5/26" could only be read month first, and so was a Vietnamese "05/03/26" typed as text.
     */
    static final class IsoDates extends DataFormatter {

        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            // A time alone (h:mm, under a day) is no date: it reads as the sheet shows it.
            if (!DateUtil.isADateFormat(formatIndex, formatString) || !DateUtil.isValidExcelDate(value) || value < 1) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
            }
            LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(MINUTES);
        }
    }

    /** The sheet's XML as POI reads it, with the formulas, merged cells and hidden rows and columns told to the watcher. */
    private static final class Watched extends XSSFSheetXMLHandler {

        private final SheetWatcher watcher;

        private String cell;

        Watched(StylesTable styles, ReadOnlySharedStringsTable strings, SheetContentsHandler cells,
                SheetWatcher watcher) {
            // With the styles, a number reads as the sheet shows it: 5305 typed as a number is "5305", not "5305.0".
            super(styles, strings, cells, new IsoDates(), false);
            this.watcher = watcher;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
            }
            else if ("f".equals(localName)) {
                watcher.formula(cell == null ? null : new CellReference(cell));
            }
            else if ("mergeCell".equals(localName)) {
                watcher.merged(attributes.getValue("ref"));
            }
            else if ("row".equals(localName) && hidden(attributes) && attributes.getValue("r") != null) {
                watcher.hiddenRow(Integer.parseInt(attributes.getValue("r")));
            }
            else if ("col".equals(localName) && hidden(attributes)) {
                watcher.hiddenColumns(Integer.parseInt(attributes.getValue("min")) - 1,
                        Integer.parseInt(attributes.getValue("max")) - 1);
            }
            super.startElement(uri, localName, qName, attributes);
        }

        private static boolean hidden(Attributes attributes) {
            String hidden = attributes.getValue("hidden");
            return "1".equals(hidden) || "true".equals(hidden);
        }
    }

    /** A sheet's rows as the streaming reader reports them: only cells with a value, each with its reference. */
    private static final class Cells implements SheetContentsHandler {

        private final ImportLimits limits;

        private final Consumer<Row> each;

        private List<String> cells = new ArrayList<>();

        private int rows;

        Cells(ImportLimits limits, Consumer<Row> each) {
            this.limits = limits;
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            Row row = new Row(rowNum + 1, cells);
            // The header, then the rows: one more than the limit, and the file is refused, before it is all read.
            // Blank rows are left out of the count, as in a CSV file, and the byte limit bounds them.
            if (!row.isBlank() && ++rows > limits.maxRows() + 1L) {
                throw ImportFileRefused.tooManyRows(limits.maxRows());
            }
            each.accept(row);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (value != null && value.length() > limits.maxCellLength()) {
                throw ImportFileRefused.cellTooLong(line(reference), limits.maxCellLength());
            }
            if (ControlCharacters.in(value)) {
                throw ImportFileRefused.controlCharacter(line(reference));
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }

        private static int line(String reference) {
            return reference == null ? 0 : new CellReference(reference).getRow() + 1;
        }
    }
}
