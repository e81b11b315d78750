package org.communedx.service.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.job.JobProgress;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.user.UserFixtures.account;
import static org.communedx.service.user.UserFixtures.loginAs;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class UserImportTests {

    static final String HEADER = "username,display_name,role,unit_code,email\r\n";

    @Autowired
    UserImport userImport;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void unitsAndAnAdministrator() {
        UserFixtures.units(units);
        account(accounts, "xa.daco", Role.COMMUNE_STAFF, "88101");
        loginAs("admin.test", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void importsEveryLineWithItsOwnOneTimePassword() {
        byte[] file = ("\uFEFF" + HEADER
                + "xa.mot,UBND xã Một,COMMUNE_STAFF,88101,ubnd.mot@thu.gov.vn\r\n"
                + "\r\n"
                + "\"huyen.thu\",\"Phòng VH-TT, huyện Thử\",district_official,881,\r\n"
                + "quan.tri.2,Quản trị 2,ADMIN,,\r\n").getBytes(StandardCharsets.UTF_8);

        List<IssuedPassword> issued = importCsv(file);

        assertThat(issued).extracting(IssuedPassword::username, IssuedPassword::displayName, IssuedPassword::role,
                IssuedPassword::unitCode).containsExactly(
                        tuple("xa.mot", "UBND xã Một", Role.COMMUNE_STAFF, "88101"),
                        tuple("huyen.thu", "Phòng VH-TT, huyện Thử", Role.DISTRICT_OFFICIAL, "881"),
                        tuple("quan.tri.2", "Quản trị 2", Role.ADMIN, null));
        UserAccount first = accounts.findByUsername("xa.mot").orElseThrow();
        assertThat(first.isMustChangePassword()).isTrue();
        assertThat(first.getEmail()).isEqualTo("ubnd.mot@thu.gov.vn");
        assertThat(passwordEncoder.matches(issued.get(0).password(), first.getPasswordHash())).isTrue();
        assertThat(issued.get(0).password()).isNotEqualTo(issued.get(1).password());
    }

    /** Excel, opening the CSV, read 05068 as a number and saved 5068: the zeros come back where one level is meant. */
    @Test
    void aUnitCodeGetsBackTheZerosASpreadsheetDropped() {
        assertThat(UserImport.unitCode("5068", Role.COMMUNE_STAFF)).isEqualTo("05068");
        assertThat(UserImport.unitCode("4", Role.COMMUNE_STAFF)).isEqualTo("00004");
        assertThat(UserImport.unitCode("1", Role.PROVINCE_MANAGER)).isEqualTo("01");
        assertThat(UserImport.unitCode("5068", Role.VIEWER)).as("four digits are a commune's alone").isEqualTo("05068");
        assertThat(UserImport.unitCode("1", Role.DISTRICT_OFFICIAL)).as("a district's 001 or a province's 01")
                .isEqualTo("1");
        assertThat(UserImport.unitCode("881", Role.VIEWER)).isEqualTo("881");
        assertThat(UserImport.unitCode(" 88101 ", Role.COMMUNE_STAFF)).isEqualTo(" 88101 ");
        assertThat(UserImport.unitCode("", null)).isEmpty();
    }

    @Test
    void oneBadLineRefusesTheWholeFileWithEveryProblemByLineAndColumn() {
        byte[] file = (HEADER
                + "xa.tot,Xã tốt,COMMUNE_STAFF,88101,\r\n"
                + "xa.vaitro,Vai trò lạ,CHU_TICH,88101,\r\n"
                + "xa.ngoai,Ngoài,COMMUNE_STAFF,99999,\r\n"
                + "XA.TOT,Trùng trong tệp,VIEWER,88,\r\n"
                + "xa.daco,Trùng trong cơ sở dữ liệu,VIEWER,88,\r\n"
                + "Xã Sai,Tên sai,VIEWER,88,\r\n"
                + "xa.khongten,,VIEWER,88,\r\n"
                + "xa.thu,Thư sai,VIEWER,88,khong-phai-thu\r\n"
                + "xa.thieu,Thiếu cột,VIEWER\r\n").getBytes(StandardCharsets.UTF_8);

        UserRejected rejected = catchThrowableOfType(UserRejected.class, () -> importCsv(file));

        assertThat(rejected.problems()).extracting(UserProblem::line, UserProblem::column, UserProblem::messageKey)
                .containsExactly(
                        tuple(3, "role", "users.import.problem.unknownRole"),
                        tuple(4, "unit_code", "users.problem.unitUnknown"),
                        tuple(5, "username", "users.import.problem.duplicateUsername"),
                        tuple(6, "username", "users.problem.usernameTaken"),
                        tuple(7, "username", "users.problem.usernameShape"),
                        tuple(8, "display_name", "users.problem.displayNameMissing"),
                        tuple(9, "email", "users.problem.emailInvalid"),
                        tuple(10, null, "users.import.problem.columnCount"));
        assertThat(rejected.problems().get(2).arguments()).containsExactly("xa.tot", 2);
        assertThat(accounts.existsByUsername("xa.tot")).isFalse();
    }

    @Test
    void refusesFilesThatAreNotTheExpectedCsv() {
        assertThat(fileProblem(new byte[0])).isEqualTo("users.import.problem.emptyFile");
        assertThat(fileProblem("\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("users.import.problem.emptyFile");
        assertThat(fileProblem("username,name,role,unit,email\nxa.mot,Một,VIEWER,88,\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("users.import.problem.header");
        assertThat(fileProblem("username;display_name;role;unit_code;email\nxa.mot;Một;VIEWER;88;\n"
                .getBytes(StandardCharsets.UTF_8))).as("saved by Excel in Vietnamese").isEqualTo("import.problem.semicolons");
        assertThat(fileProblem(HEADER.getBytes(StandardCharsets.UTF_8))).isEqualTo("users.import.problem.noRows");
        assertThat(fileProblem((HEADER + "xa.mot,UBND xã Tân,VIEWER,88,\n").getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("users.import.problem.notUtf8");
        assertThat(fileProblem("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("users.import.problem.notCsv");
        assertThat(fileProblem(workbook())).as("told how to save it as CSV").isEqualTo("users.import.problem.workbook");
    }

    private static byte[] workbook() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Người dùng").createRow(0).createCell(0).setCellValue("username");
            book.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void aProvincialManagerImportsOnlyIntoTheirProvince() {
        account(accounts, "pm.88", Role.PROVINCE_MANAGER, "88");
        loginAs("pm.88", Role.PROVINCE_MANAGER);
        byte[] file = (HEADER + "xa.trong,Trong tỉnh,COMMUNE_STAFF,88101,\n"
                + "xa.ngoai,Ngoài tỉnh,COMMUNE_STAFF,89101,\n"
                + "quan.tri.3,Quản trị,ADMIN,,\n").getBytes(StandardCharsets.UTF_8);

        UserRejected rejected = catchThrowableOfType(UserRejected.class, () -> importCsv(file));

        assertThat(rejected.problems()).extracting(UserProblem::line, UserProblem::messageKey).containsExactly(
                tuple(3, "users.problem.unitUnknown"), tuple(4, "users.problem.roleNotAllowed"));
        assertThat(accounts.existsByUsername("xa.trong")).isFalse();
    }

    @Test
    void aUsernameTakenWhileTheJobWaitedRefusesTheWholeImport() {
        UserImport.CheckedUsers checked = userImport.check(csv(HEADER + "xa.mot,UBND xã Một,COMMUNE_STAFF,88101,\n"
                + "xa.hai,UBND xã Hai,COMMUNE_STAFF,88101,\n"));
        account(accounts, "xa.hai", Role.VIEWER, "88");

        UserRejected rejected = catchThrowableOfType(UserRejected.class,
                () -> userImport.create(checked, new JobProgress()));

        assertThat(rejected.problems()).extracting(UserProblem::line, UserProblem::messageKey)
                .containsExactly(tuple(3, "users.problem.usernameTaken"));
        assertThat(accounts.existsByUsername("xa.mot")).isFalse();
    }

    @Test
    void theJobCountsEveryUserItCreates() {
        UserImport.CheckedUsers checked = userImport.check(csv(HEADER + "xa.mot,UBND xã Một,COMMUNE_STAFF,88101,\n"
                + "xa.hai,UBND xã Hai,COMMUNE_STAFF,88101,\n"));
        JobProgress progress = new JobProgress();

        userImport.create(checked, progress);

        assertThat(progress.total()).isEqualTo(2);
        assertThat(progress.done()).isEqualTo(2);
    }

    private List<IssuedPassword> importCsv(byte[] file) {
        return userImport.create(userImport.check(new ByteArrayResource(file)), new JobProgress());
    }

    private static ByteArrayResource csv(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    private String fileProblem(byte[] file) {
        UserRejected rejected = catchThrowableOfType(UserRejected.class, () -> importCsv(file));
        assertThat(rejected.problems()).hasSize(1);
        return rejected.problems().get(0).messageKey();
    }
}
