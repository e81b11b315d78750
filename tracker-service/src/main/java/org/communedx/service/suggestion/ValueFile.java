package org.communedx.service.suggestion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.communedx.service.importing.CsvRecords;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.UploadContent;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.core.io.FileSystemResource;

/**
 * The rows of an uploaded value file, CSV (UTF-8) or XLSX told apart by content, streamed one at a time within the
 * import's limits, with what makes a workbook unsafe to read as typed: a formula (its cached result may be anything
 * and is not evaluated), merged cells (a value that seems to stand for several rows stands in one), a hidden sheet or
 * more than one sheet (rows nobody sees would be imported). Such a file is refused with every cell that is wrong.
 * The byte and row limits and the strict UTF-8 of CSV are those of {@code service.importing}, as for every import.
 */
final class ValueFile {

    /** Formulas and merges listed at most, so that a workbook of formulas does not make a list as long as itself. */
    private static final int MAX_LISTED = 1000;

    private ValueFile() {
    }

    /** A non-blank row and its number in the file (the header is row 1); cells as text, "" for an empty one. */
    record SheetRow(int line, List<String> cells) {

        String cell(int index) {
            return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** Thrown with every problem of a file that cannot be read as values at all. */
    static final class Unreadable extends RuntimeException {

        private final List<ValueImportProblem> problems;

        Unreadable(List<ValueImportProblem> problems) {
            super(problems.size() + " problem(s) in the file");
            this.problems = List.copyOf(problems);
        }

        Unreadable(ValueImportProblem problem) {
            this(List.of(problem));
        }

        List<ValueImportProblem> problems() {
            return problems;
        }
    }

    /**
     * Hands the non-blank rows to {@code each}, header first.
     * @param bytesRead told of the bytes read so far, of {@link #size}
     * @return whether the file was a spreadsheet (codes typed as numbers then lose their leading zeros)
     * @throws Unreadable with every problem; rows handed over until then are only part of the file
     */
    static boolean read(Path file, ImportLimits limits, Consumer<SheetRow> each, LongConsumer bytesRead) {
        FileSystemResource resource = new FileSystemResource(file);
        String mediaType = UploadContent.mediaType(resource)
                .orElseThrow(() -> new Unreadable(ValueImportProblem.ofFile("value.import.problem.emptyFile")));
        int[] rows = new int[1];
        Consumer<SheetRow> nonBlank = row -> {
            if (!row.isBlank()) {
                rows[0]++;
                each.accept(row);
            }
        };
        boolean spreadsheet = UploadContent.isZip(mediaType);
        try {
            if (spreadsheet) {
                readWorkbook(file, limits, nonBlank, bytesRead);
            }
            else if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
                CsvRecords.read(() -> new Counting(Files.newInputStream(file), bytesRead), limits,
                        record -> nonBlank.accept(new SheetRow((int) record.getRecordNumber(), record.toList())));
            }
            else {
                throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.notCsvOrXlsx", mediaType));
            }
        }
        catch (ImportFileRefused refused) {
            throw new Unreadable(switch (refused.reason()) {
                case NOT_UTF8 -> new ValueImportProblem(refused.line(), null, "value.import.problem.notUtf8",
                        List.of(encodingOf(file)));
                case MALFORMED_CSV -> new ValueImportProblem(refused.line(), null, "value.import.problem.malformedCsv",
                        List.of());
                default -> new ValueImportProblem(refused.line(), null, refused.messageKey(), refused.arguments());
            });
        }
        if (rows[0] == 0) {
            throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.emptyFile"));
        }
        return spreadsheet;
    }

    /**
     * What a text file that is not UTF-8 most likely is, for the message: UTF-16 (as "Unicode text" is saved) shows
     * its byte order mark or a zero byte in every other place; anything else is a one-byte code page, as Windows-1258
     * and TCVN3 are.
     */
    static String encodingOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(512);
            if (start.length >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
                    || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
                return "UTF-16";
            }
            int zeros = 0;
            for (byte b : start) {
                if (b == 0) {
                    zeros++;
                }
            }
            return zeros * 4 >= start.length ? "UTF-16" : "Windows-1258 / TCVN3";
        }
        catch (IOException ex) {
            return "?";
        }
    }

    /**
     * The workbook's one sheet through POI's streaming reader, from the copy on disk that POI opens as a ZIP file
     * part by part; only the shared strings and the styles are held, which the unpacked size limit bounds.
     */
    private static void readWorkbook(Path file, ImportLimits limits, Consumer<SheetRow> each, LongConsumer bytesRead) {
        UploadContent.requireUnpackedWithin(new FileSystemResource(file), limits.maxBytes());
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            requireOneVisibleSheet(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.emptyFile"));
            }
            try (InputStream sheet = sheets.next()) {
                long size = sheetSize(file, sheets.getSheetPart().getPartName().getName());
                XMLReader parser = XMLHelper.newXMLReader();
                Cells cells = new Cells(limits, each);
                Strict handler = new Strict(reader.getStylesTable(), strings, cells);
                parser.setContentHandler(handler);
                parser.parse(new InputSource(new Counting(sheet, read -> bytesRead.accept(
                        size <= 0 ? 0 : Math.min(read, size)))));
                if (!handler.problems.isEmpty()) {
                    throw new Unreadable(handler.problems);
                }
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                | IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.unreadableXlsx"));
        }
        finally {
            if (workbook != null) {
                workbook.revert();
            }
        }
    }

    /** The unpacked size of the sheet's part, which the progress of reading counts against. */
    static long sheetSize(Path file, String partName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(partName.startsWith("/") ? partName.substring(1) : partName);
            return entry == null ? -1 : entry.getSize();
        }
        catch (IOException ex) {
            return -1;
        }
    }

    /** The unpacked bytes of the file or sheet's part to read, for the progress bar. */
    static long size(Path file) {
        try {
            if (UploadContent.mediaType(new FileSystemResource(file)).filter(UploadContent::isZip).isPresent()) {
                OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
                try {
                    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook)
                            .getSheetsData();
                    if (sheets.hasNext()) {
                        sheets.next().close();
                        return sheetSize(file, sheets.getSheetPart().getPartName().getName());
                    }
                    return -1;
                }
                finally {
                    workbook.revert();
                }
            }
            return Files.size(file);
        }
        catch (IOException | OpenXML4JException | POIXMLException | IllegalArgumentException
                | IllegalStateException ex) {
            return -1;
        }
    }

    /**
     * Refuses a workbook with a hidden sheet or with more than one sheet: the import reads one sheet, and a person
     * checking the file before sending it must see every row that is sent.
     */
    private static void requireOneVisibleSheet(XSSFReader reader)
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
        if (!hidden.isEmpty()) {
            throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.hiddenSheet", String.join(", ", hidden)));
        }
        if (names.size() > 1) {
            throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.manySheets", names.size()));
        }
    }

    /** The sheet's XML as POI reads it, watched for formulas and merged cells, each listed with its cell. */
    private static final class Strict extends XSSFSheetXMLHandler {

        private final List<ValueImportProblem> problems = new ArrayList<>();

        private String cell;

        Strict(StylesTable styles, ReadOnlySharedStringsTable strings, SheetContentsHandler cells) {
            // With the styles, a number reads as the sheet shows it: 5305 typed as a number is "5305", not "5305.0".
            super(styles, strings, cells, new DataFormatter(), false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
            }
            else if ("f".equals(localName) && problems.size() < MAX_LISTED) {
                CellReference reference = cell == null ? null : new CellReference(cell);
                problems.add(new ValueImportProblem(reference == null ? 0 : reference.getRow() + 1,
                        reference == null ? null : CellReference.convertNumToColString(reference.getCol()),
                        "value.import.problem.formula", List.of()));
            }
            else if ("mergeCell".equals(localName) && problems.size() < MAX_LISTED) {
                String range = attributes.getValue("ref");
                CellReference first = new CellReference(range.split(":")[0]);
                problems.add(new ValueImportProblem(first.getRow() + 1,
                        CellReference.convertNumToColString(first.getCol()), "value.import.problem.merged",
                        List.of(range)));
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** A sheet's rows as the streaming reader reports them: only cells with a value, each with its reference. */
    private static final class Cells implements SheetContentsHandler {

        private final ImportLimits limits;

        private final Consumer<SheetRow> each;

        private List<String> cells = new ArrayList<>();

        private int rows;

        Cells(ImportLimits limits, Consumer<SheetRow> each) {
            this.limits = limits;
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            SheetRow row = new SheetRow(rowNum + 1, cells);
            // The header, then the rows: one more than the limit, and the file is refused, before it is all read.
            if (!row.isBlank() && ++rows > limits.maxRows() + 1L) {
                throw ImportFileRefused.tooManyRows(limits.maxRows());
            }
            each.accept(row);
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

    /** Tells how many bytes were read through it. */
    private static final class Counting extends FilterInputStream {

        private final LongConsumer bytesRead;

        private long count;

        Counting(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                bytesRead.accept(count);
            }
            return read;
        }
    }
}
