package org.communedx.service.user;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.testsupport.SmallImportLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** With limits of 1 KB and 2 users a file (communedx.imports.users.*), a larger list is refused whole. */
@SmallImportLimits
@Transactional
class UserImportLimitsTests {

    private static final String HEADER = "username,display_name,role,unit_code,email\n";

    @Autowired
    UserImport userImport;

    @Autowired
    AdministrativeUnitRepository units;

    @BeforeEach
    void unitsAndAnAdministrator() {
        UserFixtures.units(units);
        loginAs("admin.test", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void takesAListAtTheRowLimitWhateverItsBlankLines() {
        assertThat(userImport.check(csv(HEADER + user(1) + "\n\n" + user(2))).users()).hasSize(2);
    }

    @Test
    void refusesAListOfOneUserMoreThanTheLimit() {
        assertRefused(HEADER + user(1) + user(2) + user(3), "import.limit.rows", 2);
    }

    @Test
    void refusesAListOverTheByteLimit() {
        assertRefused(HEADER + user(1) + "\n".repeat(1024), "import.limit.fileSize", "1 KB");
    }

    private void assertRefused(String file, String messageKey, Object argument) {
        UserRejected rejected = catchThrowableOfType(UserRejected.class, () -> userImport.check(csv(file)));

        assertThat(rejected.problems()).extracting(UserProblem::line, UserProblem::messageKey, UserProblem::arguments)
                .containsExactly(tuple(0, messageKey, List.of(argument)));
    }

    private static String user(int number) {
        return "xa.gioihan" + number + ",UBND xã " + number + ",COMMUNE_STAFF,88101,\n";
    }

    private static ByteArrayResource csv(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }
}
