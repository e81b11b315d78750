package org.communedx.service.framework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.user.Role;
import org.communedx.service.framework.ImportProblem.Place;
import org.communedx.service.testsupport.SmallImportLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** With limits of 64 KB and 10 groups and criteria (communedx.imports.frameworks.*), larger files are refused. */
@SmallImportLimits
class FrameworkImportLimitsTests {

    @Autowired
    FrameworkTransfer transfer;

    @Autowired
    FrameworkRepository frameworks;

    @BeforeEach
    void asAdministrator() {
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesAFrameworkOfMoreGroupsAndCriteriaThanTheLimit() {
        // DX-XA has 6 groups and 27 criteria.
        byte[] yaml = transfer.exportYaml("DX-XA", "1.0").content();

        assertRefused(yaml, "import.limit.rows", 10);
    }

    @Test
    void refusesAYamlFileOverTheByteLimit() {
        String padded = "# " + "x".repeat(70_000) + "\ncode: DX-XA\n";

        assertRefused(padded.getBytes(StandardCharsets.UTF_8), "import.limit.fileSize", "64 KB");
    }

    @Test
    void refusesAWorkbookThatUnpacksBeyondTheByteLimitThoughSmallPacked() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(FrameworkWorkbook.FRAMEWORK_SHEET);
            sheet.createRow(0).createCell(0).setCellValue("a".repeat(32_000));
            sheet.createRow(1).createCell(0).setCellValue("b".repeat(32_000));
            sheet.createRow(2).createCell(0).setCellValue("c".repeat(32_000));
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(xlsx.length).isLessThan(64 * 1024);

        assertRefused(xlsx, "import.limit.fileSize", "64 KB");
    }

    private void assertRefused(byte[] file, String messageKey, Object argument) {
        long before = frameworks.count();

        FrameworkImportRefused refused = catchThrowableOfType(FrameworkImportRefused.class,
                () -> transfer.importDraft(new ByteArrayResource(file), "9.9"));

        assertThat(refused.problems()).extracting(ImportProblem::place, ImportProblem::messageKey,
                ImportProblem::arguments).containsExactly(tuple(Place.FILE, messageKey, List.of(argument)));
        assertThat(frameworks.count()).isEqualTo(before);
    }
}
