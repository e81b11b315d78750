package org.communedx.service.suggestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.apache.poi.ss.util.CellReference;
import org.communedx.model.Unicode;
import org.communedx.service.importing.CountingInputStream;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.TableRows;
import org.communedx.service.importing.UploadContent;

import org.springframework.core.io.FileSystemResource;

/**
 * The rows of an uploaded value file, CSV (UTF-8) or XLSX told apart by content, streamed one at a time within the
 * import's limits, with what makes a workbook unsafe to read as typed: a formula (its cached result may be anything
 * and is not evaluated), merged cells (a value that seems to stand for several rows stands in one), a hidden sheet or
 * more than one sheet (rows nobody sees would be imported). Such a file is refused with every cell that is wrong.
 * The reading itself, within the byte, row and cell limits and strictly UTF-8 for a CSV, is {@link TableRows},
 * shared with the unit lists.
 */
final class ValueFile {

    /** Formulas and merges listed at most, so that a workbook of formulas does not make a list as long as itself. */
    private static final int MAX_LISTED = 1000;

    private ValueFile() {
    }

    /**
     * A non-blank row and its number in the file (the header is row 1); cells as text, "" for an empty one. A cell is
     * read as a reader sees it: in NFC, without no-break or zero-width spaces at its ends (a code copied from a web
     * page), so that "04960" followed by a no-break space is the commune 04960.
     */
    record SheetRow(int line, List<String> cells, boolean hidden, BitSet hiddenColumns) {

        /** A row of a file that hides nothing: a CSV's. */
        SheetRow(int line, List<String> cells) {
            this(line, cells, false, new BitSet());
        }

        /** Whether the row's cell in that column is out of sight: the row or the column is hidden. */
        boolean hides(int column) {
            return hidden || hiddenColumns.get(column);
        }

        String cell(int index) {
            return index >= 0 && index < cells.size() && cells.get(index) != null
                    ? Unicode.nfc(Unicode.trim(cells.get(index))) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(Unicode::isBlank);
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
        Consumer<TableRows.Row> rows = row -> each.accept(new SheetRow(row.line(), row.cells()));
        boolean spreadsheet = UploadContent.isZip(mediaType);
        int count;
        try {
            if (spreadsheet) {
                Strict strict = new Strict();
                count = TableRows.firstSheet(file, limits, strict, bytesRead,
                        row -> each.accept(strict.sheetRow(row)));
                if (!strict.problems.isEmpty()) {
                    throw new Unreadable(strict.problems);
                }
            }
            else if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
                count = TableRows.csv(() -> new CountingInputStream(Files.newInputStream(file), bytesRead), limits,
                        rows);
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
                case NOT_XLSX -> ValueImportProblem.ofFile("value.import.problem.unreadableXlsx");
                default -> new ValueImportProblem(refused.line(), null, refused.messageKey(), refused.arguments());
            });
        }
        if (count == 0) {
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

    /** The unpacked bytes of the file or sheet's part to read, for the progress bar. */
    static long size(Path file) {
        try {
            if (UploadContent.mediaType(new FileSystemResource(file)).filter(UploadContent::isZip).isPresent()) {
                return TableRows.firstSheetSize(file);
            }
            return Files.size(file);
        }
        catch (IOException ex) {
            return -1;
        }
    }

    /**
     * Refuses, with each cell, a formula (its cached result may be anything and is not evaluated) and merged cells
     * (a value that seems to stand for several rows stands in one); and a workbook with a hidden sheet or with more
     * than one sheet: the import reads one sheet, and a person checking the file before sending it must see every
     * row that is sent. It also tells each row what of it is hidden (by hand or by a filter), for the import to
     * refuse a value there; a hidden row that sends nothing (a template filtered down to one's communes) is no
     * matter.
     */
    private static final class Strict implements TableRows.SheetWatcher {

        /** Excel's last column: "hide the columns to the right" hides up to it. */
        private static final int MAX_COLUMNS = 16_384;

        private final List<ValueImportProblem> problems = new ArrayList<>();

        private final Set<Integer> hiddenRows = new HashSet<>();

        private final BitSet hiddenColumns = new BitSet();

        @Override
        public void hiddenRow(int row) {
            hiddenRows.add(row);
        }

        @Override
        public void hiddenColumns(int first, int last) {
            hiddenColumns.set(Math.max(0, first), Math.min(last, MAX_COLUMNS - 1) + 1);
        }

        /** The row with what of it is out of sight, for the import to refuse a value there (ValueImport). */
        SheetRow sheetRow(TableRows.Row row) {
            return new SheetRow(row.line(), row.cells(), hiddenRows.contains(row.line()), hiddenColumns);
        }

        private void add(ValueImportProblem problem) {
            if (problems.size() < MAX_LISTED) {
                problems.add(problem);
            }
        }

        @Override
        public void sheets(List<String> names, List<String> hidden) {
            if (!hidden.isEmpty()) {
                throw new Unreadable(
                        ValueImportProblem.ofFile("value.import.problem.hiddenSheet", String.join(", ", hidden)));
            }
            if (names.size() > 1) {
                throw new Unreadable(ValueImportProblem.ofFile("value.import.problem.manySheets", names.size()));
            }
        }

        @Override
        public void formula(CellReference cell) {
            add(new ValueImportProblem(cell == null ? 0 : cell.getRow() + 1,
                    cell == null ? null : CellReference.convertNumToColString(cell.getCol()),
                    "value.import.problem.formula", List.of()));
        }

        @Override
        public void merged(String range) {
            CellReference first = new CellReference(range.split(":")[0]);
            add(new ValueImportProblem(first.getRow() + 1, CellReference.convertNumToColString(first.getCol()),
                    "value.import.problem.merged", List.of(range)));
        }
    }
}
