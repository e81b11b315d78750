package org.communedx.service.framework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.framework.ImportProblem.Place;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** A framework's classes through the YAML and XLSX round trip, and broken classes refused whole. */
@SpringBootTest(classes = ServiceTestApplication.class)
class ScoreClassTransferTests {

    /** The points index of {@link ScoringTransferTests} (100 points) with four classes. */
    static final String WITH_CLASSES = ScoringTransferTests.POINTS_FRAMEWORK.replace("declaredTotal: 100\n", """
            declaredTotal: 100
            classes:
              - nameVi: Xuất sắc
                nameEn: Excellent
                threshold: 90
              - nameVi: Tốt
                nameEn: Good
                threshold: 75.5
              - nameVi: Khá
                nameEn: Fair
                threshold: 60
              - nameVi: Yếu
                nameEn: Weak
                threshold: 0
            """);

    static final ScoreClasses EXPECTED = new ScoreClasses(List.of(cls("Xuất sắc", "Excellent", "90"),
            cls("Tốt", "Good", "75.5"), cls("Khá", "Fair", "60"), cls("Yếu", "Weak", "0")));

    @Autowired
    FrameworkTransfer transfer;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void asAdministrator() {
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void classesImportAndRoundTripThroughYamlAndXlsx() {
        assertThat(WITH_CLASSES).contains("classes:");
        transfer.importDraft(new ByteArrayResource(WITH_CLASSES.getBytes(StandardCharsets.UTF_8)), "cl-1");
        assertThat(classes("cl-1")).isEqualTo(EXPECTED);

        transfer.importDraft(new ByteArrayResource(transfer.exportYaml("PT-TEST", "cl-1").content()), "cl-yaml");
        transfer.importDraft(new ByteArrayResource(transfer.exportXlsx("PT-TEST", "cl-1").content()), "cl-xlsx");

        assertThat(classes("cl-yaml")).isEqualTo(EXPECTED);
        assertThat(classes("cl-xlsx")).isEqualTo(EXPECTED);
        assertThat(new String(transfer.exportYaml("PT-TEST", "cl-1").content(), StandardCharsets.UTF_8))
                .contains("nameVi: \"Xuất sắc\"", "threshold: 75.5");
    }

    @Test
    void classesMayBeWrittenOneALineAsTheReadmeShowsThem() {
        String flow = ScoringTransferTests.POINTS_FRAMEWORK.replace("declaredTotal: 100\n", """
                declaredTotal: 100
                classes:
                  - { nameVi: Xuất sắc, nameEn: Excellent, threshold: 90 }
                  - { nameVi: Tốt,      nameEn: Good,      threshold: 75.5 }
                  - { nameVi: Khá,      nameEn: Fair,      threshold: 60 }
                  - { nameVi: Yếu,      nameEn: Weak,      threshold: 0 }
                """);

        transfer.importDraft(new ByteArrayResource(flow.getBytes(StandardCharsets.UTF_8)), "cl-flow");

        assertThat(classes("cl-flow")).isEqualTo(EXPECTED);
    }

    @Test
    void aFrameworkWithoutClassesKeepsNone() {
        transfer.importDraft(new ByteArrayResource(transfer.exportXlsx("DX-XA", "1.0").content()), "1.0-noclass");

        assertThat(classes("1.0-noclass", "DX-XA").isEmpty()).isTrue();
    }

    @Test
    void brokenClassesAreRefusedWithEveryProblemAndNothingSaved() {
        String broken = WITH_CLASSES.replace("threshold: 90", "threshold: 120")
                .replace("threshold: 60", "threshold: 80").replace("nameEn: Weak", "nameEn: Good");
        long before = frameworks.count();

        FrameworkImportRefused refused = catchThrowableOfType(FrameworkImportRefused.class,
                () -> transfer.importDraft(new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8)), "bad"));

        assertThat(refused.problems()).extracting(ImportProblem::place, ImportProblem::number, ImportProblem::field,
                ImportProblem::messageKey).containsExactly(
                        tuple(Place.YAML_LINE, 11, "threshold", "framework.problem.class.outOfRange"),
                        tuple(Place.YAML_LINE, 17, "threshold", "framework.problem.class.notOrdered"),
                        tuple(Place.YAML_LINE, 19, "nameEn", "framework.problem.class.duplicateNameEn"));
        assertThat(frameworks.count()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aWorkbookWithBrokenClassesIsRefusedOnTheirRows() throws java.io.IOException {
        transfer.importDraft(new ByteArrayResource(WITH_CLASSES.getBytes(StandardCharsets.UTF_8)), "cl-wb");
        byte[] exported = transfer.exportXlsx("PT-TEST", "cl-wb").content();
        java.io.ByteArrayOutputStream changed = new java.io.ByteArrayOutputStream();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(exported))) {
            var sheet = workbook.getSheet(FrameworkWorkbook.CLASSES_SHEET);
            sheet.getRow(2).getCell(2).setCellValue(95);
            sheet.getRow(4).getCell(1).setCellValue("Excellent");
            workbook.write(changed);
        }
        long before = frameworks.count();

        FrameworkImportRefused refused = catchThrowableOfType(FrameworkImportRefused.class,
                () -> transfer.importDraft(new ByteArrayResource(changed.toByteArray()), "cl-bad"));

        assertThat(refused.problems()).extracting(ImportProblem::place, ImportProblem::number, ImportProblem::field,
                ImportProblem::messageKey).containsExactly(
                        tuple(Place.CLASSES_SHEET_ROW, 3, "threshold", "framework.problem.class.notOrdered"),
                        tuple(Place.CLASSES_SHEET_ROW, 5, "nameEn", "framework.problem.class.duplicateNameEn"));
        assertThat(frameworks.count()).as("nothing saved").isEqualTo(before);
    }

    private ScoreClasses classes(String version) {
        return classes(version, "PT-TEST");
    }

    private ScoreClasses classes(String version, String code) {
        return transaction.execute(status -> frameworks.findByCodeAndVersion(code, version).orElseThrow()
                .scoreClasses());
    }

    private static ScoreClass cls(String vi, String en, String threshold) {
        return new ScoreClass(vi, en, new BigDecimal(threshold));
    }
}
