package org.communedx.service.unit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.testsupport.SmallImportLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.communedx.service.unit.UnitFixtures.LIST_DATE;
import static org.communedx.service.unit.UnitFixtures.REFORM;

/** With limits of 16 KB, 5 rows and 100 characters a cell (communedx.imports.*), each file kind is refused whole. */
@SmallImportLimits
@Transactional
class UnitImportLimitsTests {

    private static final String HEADER = String.join(",", GsoListImport.THREE_LEVEL_HEADER) + "\n";

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    MergeImport mergeImport;

    @Autowired
    AdministrativeUnitRepository units;

    @Test
    void takesAListAtTheRowLimit() {
        gsoImport.importList(UnitFixtures.csv(HEADER + communes(5)), LIST_DATE);

        assertThat(units.count()).isEqualTo(7);
    }

    @Test
    void refusesAListOfOneRowMoreThanTheLimitAndSavesNothing() {
        assertRefused(() -> gsoImport.importList(UnitFixtures.csv(HEADER + communes(6)), LIST_DATE),
                new ImportProblem(0, null, "import.limit.rows", 5));
    }

    @Test
    void refusesAListOverTheByteLimit() {
        String padded = HEADER + communes(3) + "\n".repeat(16 * 1024);

        assertRefused(() -> gsoImport.importList(UnitFixtures.csv(padded), LIST_DATE),
                new ImportProblem(0, null, "import.limit.fileSize", "16 KB"));
    }

    @Test
    void refusesACellOverTheLimitAtItsLine() {
        String longName = HEADER + communes(2) + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã " + "A".repeat(100) + ",05399,Xã\n";

        assertRefused(() -> gsoImport.importList(UnitFixtures.csv(longName), LIST_DATE),
                new ImportProblem(4, null, "import.limit.cellLength", 100));
    }

    @Test
    void refusesASpreadsheetOverTheRowLimit() {
        List<List<Object>> rows = IntStream.rangeClosed(1, 6).mapToObj(i -> List.<Object>of("Tỉnh Hòa Bình", 17,
                "Huyện Lạc Sơn", 157, "Xã Số " + i, 5300 + i, "Xã")).toList();

        assertRefused(() -> gsoImport.importList(new ByteArrayResource(
                UnitFixtures.spreadsheet(GsoListImport.THREE_LEVEL_HEADER, rows)), LIST_DATE),
                new ImportProblem(0, null, "import.limit.rows", 5));
    }

    @Test
    void leavesBlankSpreadsheetRowsOutOfTheRowLimitAsInACsvFile() {
        List<List<Object>> rows = IntStream.rangeClosed(1, 5).boxed().<List<Object>>mapMulti((i, out) -> {
            out.accept(List.of("Tỉnh Hòa Bình", 17, "Huyện Lạc Sơn", 157, "Xã Số " + i, 5300 + i, "Xã"));
            out.accept(List.of("", " "));
        }).toList();

        gsoImport.importList(new ByteArrayResource(UnitFixtures.spreadsheet(GsoListImport.THREE_LEVEL_HEADER, rows)),
                LIST_DATE);

        assertThat(units.count()).isEqualTo(7);
    }

    @Test
    void refusesASpreadsheetCellOverTheLimitAtItsRow() {
        byte[] xlsx = UnitFixtures.spreadsheet(GsoListImport.THREE_LEVEL_HEADER, List.of(
                List.of("Tỉnh Hòa Bình", 17, "Huyện Lạc Sơn", 157, "Xã " + "A".repeat(100), 5305, "Xã")));

        assertRefused(() -> gsoImport.importList(new ByteArrayResource(xlsx), LIST_DATE),
                new ImportProblem(2, null, "import.limit.cellLength", 100));
    }

    @Test
    void refusesASpreadsheetThatUnpacksBeyondTheByteLimitThoughSmallPacked() {
        String name = "Xã " + "A".repeat(30_000);
        byte[] xlsx = UnitFixtures.spreadsheet(GsoListImport.THREE_LEVEL_HEADER, List.of(
                List.of("Tỉnh Hòa Bình", 17, "Huyện Lạc Sơn", 157, name, 5305, "Xã"),
                List.of("Tỉnh Hòa Bình", 17, "Huyện Lạc Sơn", 157, name + "B", 5306, "Xã")));
        assertThat(xlsx.length).isLessThan(16 * 1024);

        assertRefused(() -> gsoImport.importList(new ByteArrayResource(xlsx), LIST_DATE),
                new ImportProblem(0, null, "import.limit.fileSize", "16 KB"));
    }

    @Test
    void refusesAMergeMappingOverTheRowLimit() {
        String mapping = String.join(",", MergeImport.HEADER) + "\n" + IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "25,Tỉnh Phú Thọ,0" + (5300 + i) + ",Xã Mới " + i + ",0" + (5300 + i) + ",Xã Cũ,FULL\n")
                .collect(Collectors.joining());

        assertRefused(() -> mergeImport.importMerges(UnitFixtures.csv(mapping), REFORM, null, Set.of()),
                new ImportProblem(0, null, "import.limit.rows", 5));
    }

    private void assertRefused(Executable importing, ImportProblem expected) {
        long before = units.count();

        UnitImportRejected rejected = catchThrowableOfType(UnitImportRejected.class, importing::execute);

        assertThat(rejected.problems()).singleElement().usingRecursiveComparison().isEqualTo(expected);
        assertThat(units.count()).isEqualTo(before);
    }

    /** Communes 05301 to 0530n of Huyện Lạc Sơn, one a line. */
    private static String communes(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Số " + i + ",0" + (5300 + i) + ",Xã\n")
                .collect(Collectors.joining());
    }
}
