package org.communedx.service.unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.util.CellReference;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.LimitedInputStream;
import org.communedx.service.importing.TableRows;
import org.communedx.service.importing.UploadContent;
import org.communedx.service.importing.WorkbookSheets;

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

        /**
         * A code as the file means it: spreadsheets store "04789" typed as a number as 4789, so a number
         * cell gets its leading zeros back ({@link UnitLevel#withLeadingZeros}).
         */
        String code(int index, UnitLevel level) {
            String value = cell(index);
            return fromSpreadsheet ? level.withLeadingZeros(value) : value;
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
        int count;
        try {
            if (UploadContent.isZip(mediaType)) {
                count = readSpreadsheet(file, limits,
                        row -> each.accept(new TabularRow(row.line(), row.cells(), true)));
            }
            else if (mediaType.startsWith("text/") || mediaType.equals("application/octet-stream")) {
                count = TableRows.csv(file, limits,
                        row -> each.accept(new TabularRow(row.line(), row.cells(), false)));
            }
            else {
                throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.notCsvOrXlsx", mediaType));
            }
        }
        catch (ImportFileRefused refused) {
            throw new UnitImportRejected(switch (refused.reason()) {
                case NOT_UTF8 -> new ImportProblem(refused.line(), null, "unit.import.problem.notUtf8");
                case MALFORMED_CSV -> new ImportProblem(refused.line(), null, "unit.import.problem.malformedCsv");
                case NOT_XLSX -> ImportProblem.ofFile("unit.import.problem.unreadableXlsx");
                default -> new ImportProblem(refused.line(), null, refused.messageKey(), refused.arguments().toArray());
            });
        }
        if (count == 0) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.emptyFile"));
        }
    }

    /**
     * The first sheet, read from a copy on disk within the byte limit: POI reads a workbook part by part only from
     * a file. Refused when that sheet is hidden or holds a formula, as the other imports refuse them: a hidden first
     * sheet renamed communes that the administrator never saw in the file, and a formula's cached result may be
     * anything.
     */
    private static int readSpreadsheet(InputStreamSource file, ImportLimits limits, Consumer<TableRows.Row> each) {
        Path copy = null;
        try {
            copy = Files.createTempFile("communedx-import-", ".xlsx");
            try (InputStream in = new LimitedInputStream(file.getInputStream(), limits.maxBytes())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            AsSeen seen = new AsSeen();
            int count = TableRows.firstSheet(copy, limits, seen, read -> {
            }, each);
            if (!seen.formulas.isEmpty()) {
                throw refused(WorkbookSheets.formulas(seen.sheet, seen.formulas, seen.formulaCount));
            }
            return count;
        }
        catch (IOException ex) {
            throw new UnitImportRejected(ImportProblem.ofFile("unit.import.problem.unreadableXlsx"));
        }
        finally {
            deleteQuietly(copy);
        }
    }

    /** The sheet read, refused if hidden, and the formulas in it. */
    private static final class AsSeen implements TableRows.SheetWatcher {

        private String sheet = "";

        private final List<String> formulas = new ArrayList<>();

        private int formulaCount;

        @Override
        public void sheets(List<String> names, List<String> hidden) {
            sheet = names.isEmpty() ? "" : names.get(0);
            if (hidden.contains(sheet)) {
                throw refused(WorkbookSheets.hidden(sheet));
            }
        }

        @Override
        public void formula(CellReference cell) {
            if (formulaCount++ < WorkbookSheets.FORMULAS_NAMED) {
                formulas.add(cell == null ? "?" : cell.formatAsString(false));
            }
        }
    }

    private static UnitImportRejected refused(WorkbookSheets.Unsafe unsafe) {
        return new UnitImportRejected(ImportProblem.ofFile(unsafe.messageKey(), unsafe.arguments().toArray()));
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
}
