package org.communedx.service.framework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.framework.FrameworkViews.FrameworkDetail;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;
import org.communedx.service.framework.ImportProblem.Place;
import org.communedx.service.importing.UploadContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** Export and import against the seeded DX-XA 1.0 in a real PostgreSQL. */
@SpringBootTest(classes = ServiceTestApplication.class)
class FrameworkTransferTests {

    @Autowired
    FrameworkTransfer transfer;

    @Autowired
    FrameworkCatalogue catalogue;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    FrameworkEditor editor;

    /** Drafts are read back, which only those who edit frameworks may. */
    @BeforeEach
    void asAdministrator() {
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** The URL rules keep everyone else off the framework forms; the services refuse them whatever the route. */
    @Test
    void onlyAdministratorsChangeFrameworks() {
        byte[] yaml = transfer.exportYaml("DX-XA", "1.0").content();
        loginAs("tinh.hoabinh", Role.PROVINCE_MANAGER);

        assertThatThrownBy(() -> transfer.importDraft(new ByteArrayResource(yaml), "1.0-refused"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.cloneToDraft("DX-XA", "1.0", "1.0-refused"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.retire("DX-XA", "1.0")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> editor.editTitle("DX-XA", "1.0", null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(frameworks.existsByCodeAndVersion("DX-XA", "1.0-refused")).isFalse();

        loginAs("admin", Role.ADMIN);
        assertThat(transfer.importDraft(new ByteArrayResource(yaml), "1.0-admin").version()).isEqualTo("1.0-admin");
        loginAs("tinh.hoabinh", Role.PROVINCE_MANAGER);
        assertThat(catalogue.version("DX-XA", "1.0-admin").status()).as("a manager reads the draft")
                .isEqualTo(FrameworkStatus.DRAFT);
    }

    @Test
    void yamlExportImportsAsAnEqualFramework() {
        byte[] yaml = transfer.exportYaml("DX-XA", "1.0").content();

        FrameworkSummary imported = transfer.importDraft(new ByteArrayResource(yaml), "1.0-yaml");

        assertSameContent(catalogue.version("DX-XA", "1.0-yaml"), catalogue.version("DX-XA", "1.0"));
        assertThat(imported.criterionCount()).isEqualTo(27);
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("Đào tạo, chuyển đổi nhận thức");
    }

    @Test
    void xlsxExportImportsAsAnEqualFramework() {
        byte[] xlsx = transfer.exportXlsx("DX-XA", "1.0").content();

        transfer.importDraft(new ByteArrayResource(xlsx), "1.0-xlsx");

        assertSameContent(catalogue.version("DX-XA", "1.0-xlsx"), catalogue.version("DX-XA", "1.0"));
    }

    /** Issue 19's flag: an automatic criterion stays automatic through YAML and XLSX; unset, it is not. */
    @Test
    void anAutomaticCriterionKeepsItsFlagThroughBothFormats() {
        transfer.importDraft(new ByteArrayResource(yaml(minimal("type: PERCENT", "target: 80", "automatic: true"))),
                "auto-yaml");
        assertThat(catalogue.version("TEST", "auto-yaml").groups().get(0).criteria().get(0).automatic()).isTrue();
        assertThat(new String(transfer.exportYaml("TEST", "auto-yaml").content(), StandardCharsets.UTF_8))
                .contains("automatic: true");

        transfer.importDraft(new ByteArrayResource(transfer.exportXlsx("TEST", "auto-yaml").content()), "auto-xlsx");
        assertThat(catalogue.version("TEST", "auto-xlsx").groups().get(0).criteria().get(0).automatic()).isTrue();
        assertThat(new String(transfer.exportYaml("DX-XA", "1.0").content(), StandardCharsets.UTF_8))
                .as("written only where set").doesNotContain("automatic");
    }

    @Test
    void importKeepsTheFilesVersionWhenNoneIsGiven() {
        String yaml = new String(transfer.exportYaml("DX-XA", "1.0").content(), StandardCharsets.UTF_8)
                .replace("version: \"1.0\"", "version: \"3.0-file\"");

        assertThat(transfer.importDraft(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)), " ").version())
                .isEqualTo("3.0-file");
    }

    @Test
    void refusesAVersionThatExists() {
        assertRefused(transfer.exportYaml("DX-XA", "1.0").content(), "1.0",
                tuple(Place.FILE, 0, null, "framework.problem.versionTaken"));
    }

    @Test
    void refusesAVersionThatDiffersOnlyInCase() {
        byte[] yaml = transfer.exportYaml("DX-XA", "1.0").content();
        transfer.importDraft(new ByteArrayResource(yaml), "3.0-case");

        assertRefused(yaml, "3.0-CASE", tuple(Place.FILE, 0, null, "framework.problem.versionTaken"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], tuple(Place.FILE, 0, null, "framework.import.problem.empty"));
        assertRefused("\n# nothing here\n".getBytes(StandardCharsets.UTF_8),
                tuple(Place.FILE, 0, null, "framework.import.problem.empty"));
    }

    @Test
    void refusesAPdfWhateverItIsCalled() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(refusal(pdf, "9.1").problems()).singleElement().satisfies(problem -> {
            assertThat(problem.messageKey()).isEqualTo("framework.import.problem.unsupportedKind");
            assertThat(problem.arguments()).containsExactly("application/pdf");
        });
    }

    @Test
    void refusesAPngImage() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1 };

        assertRefused(png, tuple(Place.FILE, 0, null, "framework.import.problem.unsupportedKind"));
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(zip.toByteArray(), tuple(Place.FILE, 0, null, "framework.import.problem.notXlsx"));
    }

    @Test
    void refusesYamlThatIsNotWellFormedWithItsLine() {
        assertRefused(yaml("code: DX-XA\nversion: \"2\"\ntitleVi: [unclosed\n"),
                tuple(Place.YAML_LINE, 3, null, "framework.import.problem.yamlSyntax"));
    }

    /** A CSV or a plain list sent as a framework is told that it is none, not "fields expected here" on line 1. */
    @Test
    void refusesACsvAsNoFrameworkFile() {
        assertRefused(yaml("code,name,type\nG1.C1,Tỷ lệ,PERCENT\n"),
                tuple(Place.FILE, 0, null, "framework.import.problem.notAFramework"));
        assertRefused(yaml("- G1\n- G2\n"), tuple(Place.FILE, 0, null, "framework.import.problem.notAFramework"));
    }

    @Test
    void refusesAWrongXlsxHeader() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(0)
                .getCell(7).setCellValue("Mục tiêu"));

        assertRefused(xlsx, tuple(Place.CRITERIA_SHEET_ROW, 1, "target", "framework.import.problem.wrongHeader"));
    }

    /** What the person cannot see is not imported: a hidden sheet, or a formula whose cached result is read. */
    @Test
    void refusesAHiddenSheetAndFormulasWithTheirCells() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> {
            workbook.setSheetHidden(workbook.getSheetIndex(FrameworkWorkbook.GROUPS_SHEET), true);
            workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(2).getCell(7).setCellFormula("1+1");
        });

        assertRefused(xlsx, tuple(Place.FILE, 0, null, "import.problem.hiddenSheet"),
                tuple(Place.FILE, 0, null, "import.problem.formulas"));
        assertThat(refusal(xlsx, "9.9").problems().get(1).arguments())
                .containsExactly(FrameworkWorkbook.CRITERIA_SHEET, "H3");
    }

    @Test
    void refusesADuplicateCodeOnItsRow() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(2)
                .getCell(1).setCellValue("G1.C1"));

        assertRefused(xlsx, tuple(Place.CRITERIA_SHEET_ROW, 3, "code", "framework.import.problem.duplicateCode"));
    }

    @Test
    void refusesACodeThatDiffersOnlyInCaseOrCannotBeAnAddress() throws IOException {
        byte[] sameButCase = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(2)
                .getCell(1).setCellValue("g1.c1"));
        assertRefused(sameButCase,
                tuple(Place.CRITERIA_SHEET_ROW, 3, "code", "framework.import.problem.duplicateCode"));
        assertThat(refusal(sameButCase, "9.9").problems().get(0).arguments()).as("names the code it clashes with")
                .containsExactly("g1.c1", "G1.C1", 2);

        byte[] slash = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(2)
                .getCell(1).setCellValue("a/b c"));
        assertRefused(slash, tuple(Place.CRITERIA_SHEET_ROW, 3, "code", "framework.problem.codeShape"));
    }

    @Test
    void refusesAnUnknownTypeOnItsLine() {
        assertRefused(yaml(minimal("type: RATIO", "target: 1")),
                tuple(Place.YAML_LINE, 13, "type", "framework.import.problem.unknownType"));
    }

    @Test
    void refusesATargetOutsideTheRangeOfItsType() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(1)
                .getCell(7).setCellValue(120));

        assertRefused(xlsx,
                tuple(Place.CRITERIA_SHEET_ROW, 2, "target", "framework.problem.targetOutOfRange.PERCENT"));
        assertRefused(yaml(minimal("type: LEVEL", "target: 4")),
                tuple(Place.YAML_LINE, 14, "target", "framework.problem.targetOutOfRange.LEVEL"));
        assertRefused(yaml(minimal("type: COUNT", "target: -1")),
                tuple(Place.YAML_LINE, 14, "target", "framework.problem.targetOutOfRange.COUNT"));
        assertRefused(yaml(minimal("type: BOOLEAN", "target: 2")),
                tuple(Place.YAML_LINE, 14, "target", "framework.problem.targetOutOfRange.BOOLEAN"));
    }

    /**
     * A thousand written with its separator, "1.000" in Vietnamese or "1,000" in English, is refused on its line, as
     * the criterion form and the value imports refuse it: read as a decimal it had been imported as a target of 1.
     * So is a third decimal, as the form counts them.
     */
    @Test
    void refusesAThousandWrittenWithItsSeparatorAndAThirdDecimal() {
        for (String thousand : List.of("\"1.000\"", "\"1,000\"", "1.000", "\"12.500.000\"")) {
            assertRefused(yaml(minimal("type: COUNT", "target: " + thousand)),
                    tuple(Place.YAML_LINE, 14, "target", "framework.import.problem.thousandsSeparator"));
        }
        assertRefused(yaml(minimal("type: COUNT", "target: 12.5001")),
                tuple(Place.YAML_LINE, 14, "target", "framework.import.problem.numberOutOfBounds"));
    }

    @Test
    void refusesAWeightThatIsNotPositive() {
        assertRefused(yaml(minimal("type: COUNT", "target: 1", "weight: 0")),
                tuple(Place.YAML_LINE, 16, "weight", "framework.problem.weightNotPositive"));
    }

    @Test
    void refusesAnUnknownComparison() {
        assertRefused(yaml(minimal("type: COUNT", "target: 1").replace("AT_LEAST", "ABOUT")),
                tuple(Place.YAML_LINE, 15, "comparison", "framework.import.problem.unknownComparison"));
    }

    @Test
    void refusesMissingRequiredFieldsAndListsThemAll() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> {
            Row row = workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(4);
            row.removeCell(row.getCell(2));
            row.removeCell(row.getCell(6));
        });

        assertRefused(xlsx, tuple(Place.CRITERIA_SHEET_ROW, 5, "nameVi", "framework.import.problem.required"),
                tuple(Place.CRITERIA_SHEET_ROW, 5, "type", "framework.import.problem.required"));
    }

    @Test
    void refusesACriterionOfAGroupThatIsNotListed() throws IOException {
        byte[] xlsx = editWorkbook(workbook -> workbook.getSheet(FrameworkWorkbook.CRITERIA_SHEET).getRow(1)
                .getCell(0).setCellValue("G9"));

        assertRefused(xlsx, tuple(Place.CRITERIA_SHEET_ROW, 2, "group", "framework.import.problem.unknownGroup"));
    }

    @Test
    void recognisesFilesByContentNotByName() {
        assertThat(FrameworkTransfer.kind(mediaType(transfer.exportXlsx("DX-XA", "1.0").content())))
                .isEqualTo(FrameworkTransfer.Kind.WORKBOOK);
        assertThat(FrameworkTransfer.kind(mediaType(transfer.exportYaml("DX-XA", "1.0").content())))
                .isEqualTo(FrameworkTransfer.Kind.TEXT);
    }

    private static String mediaType(byte[] content) {
        return UploadContent.mediaType(new ByteArrayResource(content)).orElseThrow();
    }

    private void assertRefused(byte[] content, org.assertj.core.groups.Tuple... expected) {
        assertRefused(content, "9.9", expected);
    }

    private void assertRefused(byte[] content, String newVersion, org.assertj.core.groups.Tuple... expected) {
        long before = frameworks.count();
        assertThat(refusal(content, newVersion).problems())
                .extracting(ImportProblem::place, ImportProblem::number, ImportProblem::field,
                        ImportProblem::messageKey)
                .containsExactly(expected);
        assertThat(frameworks.count()).as("nothing saved").isEqualTo(before);
    }

    private FrameworkImportRefused refusal(byte[] content, String newVersion) {
        return catchRefusal(() -> transfer.importDraft(new ByteArrayResource(content), newVersion));
    }

    private static FrameworkImportRefused catchRefusal(Runnable action) {
        try {
            action.run();
        }
        catch (FrameworkImportRefused refused) {
            return refused;
        }
        throw new AssertionError("The import was not refused");
    }

    private static void assertSameContent(FrameworkDetail imported, FrameworkDetail original) {
        assertThat(imported.title()).isEqualTo(original.title());
        assertThat(imported.groups()).extracting(group -> group.code(), group -> group.name())
                .containsExactlyElementsOf(original.groups().stream()
                        .map(group -> tuple(group.code(), group.name())).toList());
        for (int i = 0; i < original.groups().size(); i++) {
            assertThat(definitions(imported, i)).containsExactlyElementsOf(definitions(original, i));
        }
    }

    /** Everything but the database id. */
    private static List<List<Object>> definitions(FrameworkDetail framework, int group) {
        return framework.groups().get(group).criteria().stream()
                .map(c -> List.<Object>of(c.code(), c.name(), c.description(), c.type(), c.target(),
                        c.comparison(), String.valueOf(c.unit()), c.weight(), c.typicalEvidence(),
                        c.evidenceRequired(), c.automatic()))
                .toList();
    }

    private byte[] editWorkbook(java.util.function.Consumer<XSSFWorkbook> edit) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new java.io.ByteArrayInputStream(transfer.exportXlsx("DX-XA", "1.0").content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One group with one criterion: its type on line 13, target 14, comparison 15, further lines from 16. */
    private static String minimal(String... criterionLines) {
        return String.join("\n", "code: TEST", "version: \"1\"", "titleVi: Thử", "titleEn: Test", "groups:",
                "  - code: G1", "    nameVi: Nhóm", "    nameEn: Group", "    criteria:", "      - code: G1.C1",
                "        nameVi: Tiêu chí", "        nameEn: Criterion", "        " + criterionLines[0], "        " + criterionLines[1],
                "        comparison: AT_LEAST")
                + String.join("", java.util.Arrays.stream(criterionLines).skip(2)
                        .map(line -> "\n        " + line).toList())
                + "\n";
    }
}
