package org.communedx.service.user;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.NotFoundException;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;
import org.communedx.service.user.UserViews.UserChanges;
import org.communedx.service.user.UserViews.UserPage;
import org.communedx.service.user.UserViews.UserRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.user.UserFixtures.account;
import static org.communedx.service.user.UserFixtures.loginAs;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class UserAdministrationTests {

    @Autowired
    UserAdministration administration;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    PasswordEncoder passwordEncoder;

    UserAccount staff88;

    UserAccount staff89;

    @BeforeEach
    void unitsAndAccounts() {
        UserFixtures.units(units);
        account(accounts, "pm.88", Role.PROVINCE_MANAGER, "88");
        staff88 = account(accounts, "xa.88101", Role.COMMUNE_STAFF, "88101");
        staff89 = account(accounts, "xa.89101", Role.COMMUNE_STAFF, "89101");
        loginAs("admin.test", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createdUserGetsAOneTimePasswordToChangeAtFirstLogin() {
        IssuedPassword issued = administration.create(
                new NewUser(" Huyen.Thu ", "Phòng VH-TT huyện Thử", Role.DISTRICT_OFFICIAL, "881", "vhtt@thu.gov.vn"));

        UserAccount saved = accounts.findById(issued.id()).orElseThrow();
        assertThat(saved.getUsername()).isEqualTo("huyen.thu");
        assertThat(saved.getEmail()).isEqualTo("vhtt@thu.gov.vn");
        assertThat(saved.isMustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(issued.password(), saved.getPasswordHash())).isTrue();
        assertThat(issued.password()).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
    }

    /** A name typed with combining marks (Unikey's "Unicode tổ hợp") is found by a search typed precomposed. */
    @Test
    void aNameIsFoundHoweverItsDiacriticsWereComposed() {
        String decomposed = Normalizer.normalize("Trần Thị Bình", Normalizer.Form.NFD);
        IssuedPassword issued = administration.create(
                new NewUser("xa.binh", decomposed, Role.COMMUNE_STAFF, "88101", null));

        assertThat(accounts.findById(issued.id()).orElseThrow().getDisplayName()).isEqualTo("Trần Thị Bình")
                .isNotEqualTo(decomposed);
        assertThat(administration.list("trần thị", null, 0).rows()).extracting(UserRow::username)
                .containsExactly("xa.binh");
        assertThat(administration.list(Normalizer.normalize("Thị Bình", Normalizer.Form.NFD), null, 0).rows())
                .extracting(UserRow::username).containsExactly("xa.binh");
        assertThat(administration.list("TRAN thi", null, 0).rows()).as("typed without Vietnamese input")
                .extracting(UserRow::username).containsExactly("xa.binh");
        assertThat(administration.list("tran thu", null, 0).rows()).isEmpty();
        assertThat(administration.list("tran  thi", null, 0).rows()).as("two spaces, as pasted from a spreadsheet")
                .extracting(UserRow::username).containsExactly("xa.binh");
    }

    /**
     * A password typed precomposed on one machine and with combining marks on another is one password; one hashed
     * before as typed in NFD still matches as typed.
     */
    @Test
    void aPasswordMatchesHoweverItsDiacriticsWereComposed() {
        String composed = "Mật khẩu Yên Phú 2026";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

        assertThat(passwordEncoder.matches(composed, passwordEncoder.encode(decomposed))).isTrue();
        assertThat(passwordEncoder.matches(decomposed, passwordEncoder.encode(composed))).isTrue();
        String before = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(decomposed);
        assertThat(passwordEncoder.matches(decomposed, before)).as("a hash of NFD made before").isTrue();
        assertThat(passwordEncoder.matches(composed, before)).as("the same, typed precomposed").isTrue();
        assertThat(passwordEncoder.matches("Mật khẩu Yên Phú 2025", passwordEncoder.encode(composed))).isFalse();
    }

    @Test
    void theListIsPagedInUsernameOrderAndCountsEveryMatch() {
        for (int i = 59; i >= 0; i--) {
            account(accounts, "xa.trang%02d".formatted(i), Role.COMMUNE_STAFF, "88101");
        }

        UserPage second = administration.list("xa.trang", null, 1);

        assertThat(second.total()).isEqualTo(60);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(second.rows()).extracting(UserRow::username)
                .containsExactly(IntStream.range(50, 60).mapToObj("xa.trang%02d"::formatted)
                        .toArray(String[]::new));
    }

    @Test
    void refusesEveryBrokenRuleAtOnceAndSavesNothing() {
        UserRejected rejected = catchThrowableOfType(UserRejected.class, () -> administration.create(
                new NewUser("a b", " ", Role.COMMUNE_STAFF, "881", "not-an-address")));

        assertThat(rejected.problems()).extracting(UserProblem::field, UserProblem::messageKey).containsExactlyInAnyOrder(
                tuple(UserField.USERNAME, "users.problem.usernameShape"),
                tuple(UserField.DISPLAY_NAME, "users.problem.displayNameMissing"),
                tuple(UserField.UNIT, "users.problem.unitLevel.COMMUNE_STAFF"),
                tuple(UserField.EMAIL, "users.problem.emailInvalid"));
        assertThat(accounts.existsByUsername("a b")).isFalse();
    }

    @Test
    void anAdministratorHasNoUnitAndEveryoneElseAUnitValidToday() {
        assertThat(problemKeys(new NewUser("quan.tri", "Quản trị", Role.ADMIN, "88", null)))
                .containsExactly("users.problem.unitForAdmin");
        assertThat(problemKeys(new NewUser("nguoi.xem", "Người xem", Role.VIEWER, "", null)))
                .containsExactly("users.problem.unitRequired");
        assertThat(problemKeys(new NewUser("xa.danhap", "Xã đã nhập", Role.COMMUNE_STAFF, "88102", null)))
                .as("a commune that has ended, named as such").containsExactly("users.problem.unitEnded");
        assertThat(problemKeys(new NewUser("xa.khongco", "Không có", Role.COMMUNE_STAFF, "99999", null)))
                .containsExactly("users.problem.unitUnknown");
        assertThat(problemKeys(new NewUser("tinh.88", "Tỉnh", Role.PROVINCE_MANAGER, "881", null)))
                .containsExactly("users.problem.unitLevel.PROVINCE_MANAGER");
        assertThat(administration.create(new NewUser("quan.tri", "Quản trị", Role.ADMIN, "", null)).unitCode()).isNull();
    }

    @Test
    void aDistrictOfficialMaySitAtAProvinceThatHasNoDistricts() {
        assertThat(administration.create(new NewUser("so.89", "Sở 89", Role.DISTRICT_OFFICIAL, "89", null)).unitCode())
                .isEqualTo("89");
        assertThat(problemKeys(new NewUser("xa.89", "Xã 89", Role.DISTRICT_OFFICIAL, "89101", null)))
                .containsExactly("users.problem.unitLevel.DISTRICT_OFFICIAL");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        assertThat(problemKeys(new NewUser("XA.88101", "Trùng", Role.VIEWER, "88", null)))
                .containsExactly("users.problem.usernameTaken");
    }

    @Test
    void aProvincialManagerSeesAndManagesOnlyTheOfficialsOfTheirProvince() {
        loginAs("pm.88", Role.PROVINCE_MANAGER);

        assertThat(administration.grantableRoles())
                .containsExactly(Role.DISTRICT_OFFICIAL, Role.COMMUNE_STAFF, Role.VIEWER);
        assertThat(administration.list("", null, 0).rows()).extracting(UserRow::username).containsExactly("xa.88101");
        assertThat(administration.detail(staff88.getId()).username()).isEqualTo("xa.88101");
        long outside = staff89.getId();
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> administration.detail(outside));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> administration.disable(outside));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> administration.resetPassword(outside));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> administration.update(outside,
                new UserChanges("Đổi", Role.COMMUNE_STAFF, "88101", null, 0)));
        long colleague = accounts.findByUsername("pm.88").orElseThrow().getId();
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> administration.detail(colleague));
        assertThat(accounts.findById(outside).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void aProvincialManagerGivesNeitherHigherRolesNorUnitsOutsideTheProvince() {
        loginAs("pm.88", Role.PROVINCE_MANAGER);

        assertThat(problemKeys(new NewUser("quan.tri", "Quản trị", Role.ADMIN, "", null)))
                .containsExactly("users.problem.roleNotAllowed");
        assertThat(problemKeys(new NewUser("tinh.khac", "Tỉnh", Role.PROVINCE_MANAGER, "88", null)))
                .containsExactly("users.problem.roleNotAllowed");
        assertThat(problemKeys(new NewUser("xa.ngoai", "Ngoài", Role.COMMUNE_STAFF, "89101", null)))
                .containsExactly("users.problem.unitUnknown");
        assertThatExceptionOfType(UserRejected.class).isThrownBy(() -> administration.update(staff88.getId(),
                new UserChanges("Lên chức", Role.ADMIN, null, null, 0)));
        assertThat(accounts.findById(staff88.getId()).orElseThrow().getRole()).isEqualTo(Role.COMMUNE_STAFF);

        assertThat(administration.create(new NewUser("xa.moi", "Xã Một", Role.COMMUNE_STAFF, "88101", null)).username())
                .isEqualTo("xa.moi");
    }

    /** A merger gives a code of the province's to a unit of another province: the code alone is not enough. */
    @Test
    void aProvincialManagerGivesNoUnitThatTookACodeOfTheirsInAMerger() {
        AdministrativeUnit reformed = units.findByCodeValidOn("89", LocalDate.of(2025, 7, 1)).orElseThrow();
        units.save(AdministrativeUnit.within(reformed, UnitLevel.COMMUNE, "88102", "Xã Mới Mã Cũ", UnitType.XA,
                LocalDate.of(2025, 7, 1)));
        loginAs("pm.88", Role.PROVINCE_MANAGER);

        assertThat(problemKeys(new NewUser("xa.ma.cu", "Mã cũ", Role.COMMUNE_STAFF, "88102", null)))
                .containsExactly("users.problem.unitUnknown");
    }

    /** The edit changes what it shows; whether the account may sign in, only disable and enable, which ask first. */
    @Test
    void editingChangesNameRoleUnitAndAddressButNotTheStatus() {
        administration.disable(staff88.getId());
        long opened = administration.detail(staff88.getId()).version();
        administration.update(staff88.getId(), new UserChanges("Cán bộ huyện Thử", Role.DISTRICT_OFFICIAL, "881",
                "can.bo@thu.gov.vn", opened));

        UserAccount edited = accounts.findById(staff88.getId()).orElseThrow();
        assertThat(edited).extracting(UserAccount::getDisplayName, UserAccount::getRole, UserAccount::getUnitCode,
                UserAccount::getEmail, UserAccount::isEnabled)
                .containsExactly("Cán bộ huyện Thử", Role.DISTRICT_OFFICIAL, "881", "can.bo@thu.gov.vn", false);
        administration.enable(staff88.getId());
        assertThat(edited.isEnabled()).isTrue();
    }

    /** An edit form opened before an account was disabled posted it as enabled, and turned it back on. */
    @Test
    void anEditMadeOnAStaleFormIsRefusedAndTheAccountStaysDisabled() {
        long opened = administration.detail(staff88.getId()).version();
        administration.disable(staff88.getId());
        accounts.flush();

        assertThat(catchThrowableOfType(UserRejected.class, () -> administration.update(staff88.getId(),
                new UserChanges("Tên mới", Role.COMMUNE_STAFF, "88101", null, opened))).problems())
                .extracting(UserProblem::messageKey).containsExactly("users.problem.changedMeanwhile");
        assertThat(accounts.findById(staff88.getId()).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void nobodyDisablesThemselvesOrChangesTheirOwnRole() {
        UserAccount self = account(accounts, "admin.self", Role.ADMIN, null);
        loginAs("admin.self", Role.ADMIN);

        assertThat(catchThrowableOfType(UserRejected.class, () -> administration.disable(self.getId())).problems())
                .extracting(UserProblem::messageKey).containsExactly("users.problem.disableSelf");
        assertThat(catchThrowableOfType(UserRejected.class, () -> administration.update(self.getId(),
                new UserChanges("Tôi", Role.VIEWER, "88", null, 0))).problems())
                .extracting(UserProblem::messageKey).containsExactly("users.problem.ownRole");
        assertThat(self.isEnabled()).isTrue();
        assertThat(administration.detail(self.getId()).self()).isTrue();
    }

    @Test
    void aResetPasswordIsIssuedOnceAndMustBeChanged() {
        IssuedPassword issued = administration.resetPassword(staff88.getId());

        UserAccount reset = accounts.findById(staff88.getId()).orElseThrow();
        assertThat(reset.isMustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(issued.password(), reset.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches("Mat-khau-cu-2025", reset.getPasswordHash())).isFalse();
    }

    @Test
    void otherRolesManageNobody() {
        loginAs("xa.88101", Role.COMMUNE_STAFF);

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> administration.list("", null, 0));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> administration.detail(staff88.getId()));
    }

    private List<String> problemKeys(NewUser user) {
        return catchThrowableOfType(UserRejected.class, () -> administration.create(user)).problems().stream()
                .map(UserProblem::messageKey).toList();
    }
}
