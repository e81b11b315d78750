package org.communedx.service.unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitNames;
import org.communedx.model.unit.UnitType;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.job.JobProgress;
import org.communedx.service.unit.UnitImportSummary.Counts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.communedx.service.unit.UnitFixtures.LIST_DATE;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class GsoListImportTests {

    private static final String HEADER = "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp\n";

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    AuditLog audit;

    @Test
    void eachImportIsAuditedWithWhatItDid() {
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);

        List<AuditEvent> history = audit.history(UnitImportSummary.AUDIT_TYPE, LIST_DATE);
        assertThat(history).extracting(AuditEvent::action).containsExactly("IMPORT_UNIT_LIST", "IMPORT_UNIT_LIST");
        assertThat(history.get(0).afterJson()).contains("\"created\": 9", "\"unchanged\": 0",
                "\"listDate\": \"" + LIST_DATE + "\"", "\"17 Tỉnh Hoà Bình\"", "\"157 Huyện Lạc Sơn (17)\"",
                "\"05305 Xã Yên Phú (157)\"");
        assertThat(history.get(1).afterJson()).contains("\"created\": 0", "\"unchanged\": 9", "\"createdUnits\": []");
    }

    @Test
    void importsTheListAndAReimportChangesNothing() {
        UnitImportSummary first = gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        assertThat(first.counts(UnitLevel.PROVINCE)).isEqualTo(new Counts(1, 0, 0));
        assertThat(first.counts(UnitLevel.DISTRICT)).isEqualTo(new Counts(2, 0, 0));
        assertThat(first.counts(UnitLevel.COMMUNE)).isEqualTo(new Counts(6, 0, 0));

        UnitImportSummary again = gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        assertThat(again.total()).isEqualTo(new Counts(0, 0, 9));
        assertThat(units.count()).isEqualTo(9);

        AdministrativeUnit yenPhu = units.findByCodeValidOn("05305", LIST_DATE).orElseThrow();
        assertThat(yenPhu.getParent().getCode()).isEqualTo("157");
        assertThat(yenPhu.getType()).isEqualTo(UnitType.XA);
        assertThat(units.findByCodeValidOn("05266", LIST_DATE).orElseThrow().getType()).isEqualTo(UnitType.THI_TRAN);
    }

    @Test
    void matchesOnCodesSoThatARenameUpdatesTheUnit() {
        UnitImportSummary summary = importedAgainWith("Xã Yên Phú", "Xã Yên Phú Mới");

        assertThat(summary.total()).isEqualTo(new Counts(0, 1, 8));
        assertThat(units.findByCodeValidOn("05305", LIST_DATE).orElseThrow().getName()).isEqualTo("Xã Yên Phú Mới");
        List<AuditEvent> history = audit.history(UnitImportSummary.AUDIT_TYPE, LIST_DATE);
        assertThat(history.get(history.size() - 1).afterJson()).as("which unit, as it was and as it is")
                .contains("\"changedUnits\": [\"05305 Xã Yên Phú (157) → Xã Yên Phú Mới (157)\"]");
        assertThat(history.get(0).afterJson()).contains("\"changedUnits\": []");
    }

    /** A list that places a tone mark the other way ("Hòa" for "Hoà") renames nothing: it is the same name. */
    @Test
    void aToneMarkPlacedTheOtherWayIsNoRename() {
        UnitImportSummary summary = importedAgainWith("Tỉnh Hoà Bình", "Tỉnh Hòa Bình");

        assertThat(summary.total()).isEqualTo(new Counts(0, 0, 9));
        assertThat(units.findByCodeValidOn("17", LIST_DATE).orElseThrow().getName()).isEqualTo("Tỉnh Hoà Bình");
    }

    @Test
    void checkingWritesNothingAndTheWriteCountsEveryRow() {
        GsoListImport.CheckedList list = gsoImport.check(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        assertThat(units.count()).isZero();

        JobProgress progress = new JobProgress();
        UnitImportSummary summary = gsoImport.write(list, progress);

        assertThat(summary.total()).isEqualTo(new Counts(9, 0, 0));
        assertThat(progress.total()).isEqualTo(6);
        assertThat(progress.done()).isEqualTo(6);
        assertThat(units.count()).isEqualTo(9);
    }

    @Test
    void theWriteChecksAgainstTheUnitsAsTheyAreThen() {
        GsoListImport.CheckedList moved = gsoImport.check(
                UnitFixtures.csv(HEADER + "Tỉnh Phú Thọ,25,Huyện Lạc Sơn,157,Xã Mới,05399,Xã\n"), LIST_DATE);
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        long before = units.count();

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> gsoImport.write(moved, new JobProgress()))
                .satisfies(rejected -> assertThat(rejected.problems()).singleElement()
                        .extracting(ImportProblem::messageKey).isEqualTo("unit.import.problem.districtInOtherProvince"));
        assertThat(units.count()).isEqualTo(before);
    }

    @Test
    void storesDecomposedNamesInNfc() {
        String decomposed = Normalizer.normalize(
                HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Định Cư,05320,Xã\n", Normalizer.Form.NFD);

        gsoImport.importList(UnitFixtures.csv(decomposed), LIST_DATE);

        assertThat(units.findByCodeValidOn("05320", LIST_DATE).orElseThrow().getName()).isEqualTo("Xã Định Cư");
    }

    @Test
    void readsASpreadsheetAndRestoresTheLeadingZerosOfNumericCodes() {
        byte[] xlsx = UnitFixtures.spreadsheet(GsoListImport.THREE_LEVEL_HEADER, List.of(
                List.of("Tỉnh Hòa Bình", 17, "Huyện Lạc Sơn", 157, "Xã Yên Phú", 5305, "Xã")));

        UnitImportSummary summary = gsoImport.importList(new ByteArrayResource(xlsx), LIST_DATE);

        assertThat(summary.total()).isEqualTo(new Counts(3, 0, 0));
        assertThat(units.findByCodeValidOn("05305", LIST_DATE)).isPresent();
    }

    /** Excel in a Vietnamese locale saves "CSV" with semicolons: said so, not that the header is wrong. */
    @Test
    void saysWhenTheColumnsAreSeparatedBySemicolons() {
        assertRefused("Tỉnh Thành Phố;Mã TP;Phường Xã;Mã PX;Cấp\nTỉnh Phú Thọ;25;Xã Mới;99998;Xã\n",
                problem -> assertThat(problem).extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(1, "import.problem.semicolons"));
    }

    /** A hidden first sheet renamed a commune that the administrator never saw in the file; a formula too. */
    @Test
    void refusesAHiddenFirstSheetAndFormulas() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(workbook.createSheet("Ẩn"), "Xã Bị Đổi Tên Ngầm");
            rows(workbook.createSheet("Danh mục"), "Xã Yên Phú");
            workbook.setSheetHidden(0, true);
            workbook.write(out);
            assertThatExceptionOfType(UnitImportRejected.class)
                    .isThrownBy(() -> gsoImport.importList(new ByteArrayResource(out.toByteArray()), LIST_DATE))
                    .satisfies(rejected -> assertThat(rejected.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.messageKey()).isEqualTo("import.problem.hiddenSheet");
                        assertThat(problem.args()).containsExactly("Ẩn");
                    }));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(workbook.createSheet("Danh mục"), "Xã Yên Phú").getRow(1).getCell(4)
                    .setCellFormula("\"Xã \"&\"Công Thức\"");
            workbook.write(out);
            assertThatExceptionOfType(UnitImportRejected.class)
                    .isThrownBy(() -> gsoImport.importList(new ByteArrayResource(out.toByteArray()), LIST_DATE))
                    .satisfies(rejected -> assertThat(rejected.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.messageKey()).isEqualTo("import.problem.formulas");
                        assertThat(problem.args()).containsExactly("Danh mục", "E2");
                    }));
        }
        assertThat(units.findByCodeValidOn("05305", LIST_DATE)).isEmpty();
    }

    private static Sheet rows(Sheet sheet, String communeName) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < GsoListImport.THREE_LEVEL_HEADER.size(); i++) {
            header.createCell(i).setCellValue(GsoListImport.THREE_LEVEL_HEADER.get(i));
        }
        Row row = sheet.createRow(1);
        List<String> cells = List.of("Tỉnh Hòa Bình", "17", "Huyện Lạc Sơn", "157", communeName, "05305", "Xã");
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
        return sheet;
    }

    /**
     * A re-import updates names; it had moved a commune into another province without a word, and the province's
     * manager lost it and its data. A move is a reorganisation, with its own file.
     */
    @Test
    void refusesACommuneListedUnderAnotherUnitThanItsOwn() {
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        long before = units.count();

        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Kim Bôi,153,Xã Yên Phú,05305,Xã\n",
                problem -> {
                    assertThat(problem).extracting(ImportProblem::line, ImportProblem::messageKey)
                            .containsExactly(2, "unit.import.problem.communeUnderOtherUnit");
                    assertThat(problem.args()).containsExactly("05305", "153", "157");
                });
        assertThat(units.count()).isEqualTo(before);
        assertThat(units.findByCodeValidOn("05305", LIST_DATE).orElseThrow().getParent().getCode()).isEqualTo("157");
    }

    /**
     * A unit the list creates under a province formed on 1 July 2025 exists from then on, not since ever: a commune
     * had existed years before its province, and a district so created overlapped the one of its code that the
     * reform closed.
     */
    @Test
    void aUnitCreatedUnderAParentWithAStartBeginsNoEarlier() {
        units.save(AdministrativeUnit.province("25", "Tỉnh Phú Thọ", UnitType.TINH, UnitFixtures.REFORM));
        LocalDate december = LocalDate.of(2026, 12, 1);

        gsoImport.importList(UnitFixtures.csv("Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\n"
                + "Tỉnh Phú Thọ,25,Xã Thử Nghiệm,99999,Xã\n"), december);

        assertThat(units.findByCodeValidOn("99999", december).orElseThrow().getValidFrom())
                .isEqualTo(UnitFixtures.REFORM);
        assertThat(units.findByCodeValidOn("99999", LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    void placesCommunesOfTheTwoLevelListUnderTheirProvince() {
        UnitImportSummary summary = gsoImport.importList(UnitFixtures.file("two-level-sample.csv"),
                UnitFixtures.REFORM);

        assertThat(summary.counts(UnitLevel.DISTRICT)).isEqualTo(new Counts(0, 0, 0));
        AdministrativeUnit island = units.findByCodeValidOn("98007", UnitFixtures.REFORM).orElseThrow();
        assertThat(island.getType()).isEqualTo(UnitType.DAC_KHU);
        assertThat(island.getParent().getCode()).isEqualTo("98");
    }

    @Test
    void refusesAWrongHeader() {
        assertRefused("Tỉnh,Mã TP,Huyện,Mã QH,Xã,Mã PX,Cấp\nTỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n",
                problem -> assertThat(problem).extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(1, "unit.import.problem.header"));
    }

    @Test
    void refusesAnEmptyFileAndAFileWithOnlyAHeader() {
        assertRefused("", problem -> assertThat(problem.messageKey()).isEqualTo("unit.import.problem.emptyFile"));
        assertRefused(HEADER, problem -> assertThat(problem.messageKey()).isEqualTo("unit.import.problem.noRows"));
    }

    @Test
    void refusesAMissingCodeOrACodeOfTheWrongShapeByLineAndColumn() {
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,,Xã Bình Hẻm,05308,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Ân Nghĩa,5347,Xã\n", (first, second) -> {
                    assertThat(first).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
                            .containsExactly(3, "Mã QH", "unit.import.problem.missingCode");
                    assertThat(second).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
                            .containsExactly(4, "Mã PX", "unit.import.problem.codeShape");
                });
    }

    /** The check said nothing of a name past the column's length, and the write failed in the background job. */
    @Test
    void refusesANameLongerThanAUnitHolds() {
        String longName = "Xã " + "Đ".repeat(AdministrativeUnit.NAME_MAX - 2);
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157," + longName + ",05305,Xã\n",
                problem -> assertThat(problem)
                        .extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey,
                                found -> List.of(found.args()))
                        .containsExactly(2, "Phường Xã", "unit.import.problem.nameTooLong",
                                List.of(AdministrativeUnit.NAME_MAX + 1, AdministrativeUnit.NAME_MAX)));
    }

    /** A code with a second name in the same file: the first had been taken and the second dropped unsaid. */
    @Test
    void refusesAProvinceOrDistrictCodeWithTwoNames() {
        // A tone mark placed otherwise is the same name, as the GSO's lists write it: no problem of its own.
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n"
                + "Tỉnh Hòa Bình Khác,17,Huyện Lạc Sơn Mới,157,Xã Bình Hẻm,05308,Xã\n"
                + "Tỉnh Hoà Bình,17,Huyện Lạc Sơn,157,Xã Xuất Hóa,05302,Xã\n",
                (province, district) -> {
                    assertThat(province).extracting(ImportProblem::line, ImportProblem::column,
                            ImportProblem::messageKey, found -> List.of(found.args())).containsExactly(3,
                                    "Tỉnh Thành Phố", "unit.import.problem.twoNames",
                                    List.of("17", "Tỉnh Hòa Bình Khác", "Tỉnh Hòa Bình", 2));
                    assertThat(district).extracting(ImportProblem::column, ImportProblem::messageKey)
                            .containsExactly("Quận Huyện", "unit.import.problem.twoNames");
                });
    }

    @Test
    void aToneMarkPlacedEitherWayIsOneNameAndAnotherToneIsAnother() {
        assertThat(UnitNames.tonePlaced("Tỉnh Hoà Bình")).isEqualTo(UnitNames.tonePlaced("Tỉnh Hòa Bình"));
        assertThat(UnitNames.tonePlaced("Huyện Thuỷ Nguyên"))
                .isEqualTo(UnitNames.tonePlaced("Huyện Thủy Nguyên"));
        assertThat(UnitNames.tonePlaced("Xã Tân Hòa")).isNotEqualTo(UnitNames.tonePlaced("Xã Tân Hóa"));
    }

    @Test
    void refusesACommuneWhoseDistrictBelongsToAnotherProvince() {
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n"
                + "Tỉnh Phú Thọ,25,Huyện Lạc Sơn,157,Xã Bình Hẻm,05308,Xã\n",
                problem -> assertThat(problem).extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(3, "unit.import.problem.districtInTwoProvinces"));
    }

    @Test
    void refusesADistrictThatTheDatabaseHoldsInAnotherProvince() {
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        long before = units.count();

        assertRefused(HEADER + "Tỉnh Phú Thọ,25,Huyện Lạc Sơn,157,Xã Mới,05399,Xã\n",
                problem -> assertThat(problem).extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(2, "unit.import.problem.districtInOtherProvince"));
        assertThat(units.count()).isEqualTo(before);
    }

    @Test
    void refusesACodeThatAUnitFormedAfterTheListHoldsToday() {
        // A merger mapping imported first gave 05305 to the new Xã Yên Phú of province 25, formed on 1 July 2025;
        // no unit held 05305 on the list's date, so the list would create a second unit holding it today.
        AdministrativeUnit phuTho = units.save(AdministrativeUnit.province("25", "Tỉnh Phú Thọ", UnitType.TINH,
                LocalDate.of(2025, 7, 1)));
        units.save(AdministrativeUnit.within(phuTho, UnitLevel.COMMUNE, "05305", "Xã Yên Phú", UnitType.XA,
                LocalDate.of(2025, 7, 1)));

        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Xuất Hóa,05302,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n",
                problem -> assertThat(problem).extracting(ImportProblem::line, ImportProblem::column,
                        ImportProblem::messageKey).containsExactly(3, "Mã PX", "unit.import.problem.codeHeldSince"));
    }

    /**
     * A district the reform closed, listed again under a province the list creates, would have held its code since
     * ever beside the old one: two units of one code, which broke the old district's dashboard and gave its officials'
     * accounts to the new province.
     */
    @Test
    void refusesACodeThatAUnitWhichHasEndedHeldInTheTimeTheNewUnitWouldHoldIt() {
        AdministrativeUnit hoaBinh = units.save(AdministrativeUnit.province("17", "Tỉnh Hòa Bình", UnitType.TINH, null));
        AdministrativeUnit lacSon = AdministrativeUnit.within(hoaBinh, UnitLevel.DISTRICT, "157", "Huyện Lạc Sơn",
                UnitType.HUYEN, null);
        lacSon.close(UnitFixtures.REFORM.minusDays(1));
        units.save(lacSon);
        units.save(AdministrativeUnit.province("25", "Tỉnh Phú Thọ", UnitType.TINH, UnitFixtures.REFORM));
        LocalDate january = LocalDate.of(2026, 1, 1);
        long before = units.count();

        assertThatExceptionOfType(UnitImportRejected.class).isThrownBy(() -> gsoImport.importList(UnitFixtures.csv(
                HEADER + "Tỉnh Thử Nghiệm,97,Huyện Lạc Sơn,157,Xã Q,97040,Xã\n"), january))
                .satisfies(rejected -> assertThat(rejected.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
                            .containsExactly(2, "Mã QH", "unit.import.problem.codeHeldUntil");
                    assertThat(problem.args()).containsExactly("157", "Huyện Lạc Sơn", UnitFixtures.REFORM.minusDays(1));
                }));
        assertThat(units.count()).isEqualTo(before);

        // Under a province formed by the reform, a unit created holds its code only from the reform on: after the old
        // district's last day, so the code is free.
        gsoImport.importList(UnitFixtures.csv("Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\n"
                + "Tỉnh Phú Thọ,25,Xã Thử Nghiệm,00157,Xã\n"), january);
        assertThat(units.findByCodeValidOn("00157", january)).isPresent();
    }

    @Test
    void refusesACommuneWhoseNameDoesNotStartWithItsType() {
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,\"=HYPERLINK(\"\"http://x\"\",\"\"Xã X\"\")\",05305,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Phường Yên Phú,05308,Xã\n", (first, second) -> {
                    assertThat(first).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
                            .containsExactly(2, "Phường Xã", "unit.import.problem.communeTypeNotInName");
                    assertThat(second.args()).containsExactly("Phường Yên Phú", "Xã");
                });
    }

    @Test
    void refusesADuplicateCodeAndAnUnknownType() {
        assertRefused(HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n"
                + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Bình Hẻm,05308,Thôn\n", (first, second) -> {
                    assertThat(first).extracting(ImportProblem::line, ImportProblem::messageKey)
                            .containsExactly(3, "unit.import.problem.duplicateCode");
                    assertThat(second).extracting(ImportProblem::line, ImportProblem::messageKey)
                            .containsExactly(4, "unit.import.problem.unknownType");
                });
    }

    @Test
    void refusesAFileThatIsNotUtf8AndSaysOnWhichLine() {
        byte[] utf8 = (HEADER + "Tỉnh Hòa Bình,17,Huyện Lạc Sơn,157,Xã Yên Phú,05305,Xã\n").getBytes(StandardCharsets.UTF_8);
        // "Xã Bình Hẻm" as a legacy single-byte encoding would store it: ã is the lone byte 0xE3.
        byte[] legacy = "Tinh Hoa Binh,17,Huyen Lac Son,157,X\u00e3 Binh Hem,05308,X\u00e3\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[utf8.length + legacy.length];
        System.arraycopy(utf8, 0, content, 0, utf8.length);
        System.arraycopy(legacy, 0, content, utf8.length, legacy.length);

        long before = units.count();

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> gsoImport.importList(new ByteArrayResource(content), LIST_DATE))
                .satisfies(rejected -> assertThat(rejected.problems()).singleElement()
                        .extracting(ImportProblem::line, ImportProblem::messageKey)
                        .containsExactly(3, "unit.import.problem.notUtf8"));
        assertThat(units.count()).isEqualTo(before);
    }

    @Test
    void refusesAFileThatIsNeitherCsvNorXlsx() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> gsoImport.importList(new ByteArrayResource(pdf), LIST_DATE))
                .satisfies(rejected -> assertThat(rejected.problems()).singleElement()
                        .extracting(ImportProblem::messageKey).isEqualTo("unit.import.problem.notCsvOrXlsx"));
    }

    private void assertRefused(String content, Consumer<ImportProblem> onlyProblem) {
        long before = units.count();
        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> gsoImport.importList(UnitFixtures.csv(content), LIST_DATE))
                .satisfies(rejected -> assertThat(rejected.problems()).singleElement().satisfies(onlyProblem::accept));
        assertThat(units.count()).isEqualTo(before);
    }

    private void assertRefused(String content, BiConsumer<ImportProblem, ImportProblem> twoProblems) {
        long before = units.count();
        assertThatExceptionOfType(UnitImportRejected.class)
                .isThrownBy(() -> gsoImport.importList(UnitFixtures.csv(content), LIST_DATE))
                .satisfies(rejected -> {
                    assertThat(rejected.problems()).hasSize(2);
                    twoProblems.accept(rejected.problems().get(0), rejected.problems().get(1));
                });
        assertThat(units.count()).isEqualTo(before);
    }

    /** The sample list imported, then imported again with one text of it written otherwise: the second's summary. */
    private UnitImportSummary importedAgainWith(String text, String otherwise) {
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
        String changed = new String(UnitFixtures.resource("hoabinh-sample.csv"), StandardCharsets.UTF_8)
                .replace(text, otherwise);
        return gsoImport.importList(UnitFixtures.csv(changed), LIST_DATE);
    }
}
