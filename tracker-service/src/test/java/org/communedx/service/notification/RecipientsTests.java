package org.communedx.service.notification;

import java.time.Instant;
import java.util.List;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Who hears of what happens to a commune: the same people who may act on it, never the one who acted. */
class RecipientsTests {

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);

    private final Recipients recipients = new Recipients(accounts);

    private final AdministrativeUnit province = AdministrativeUnit.province("17", "Hòa Bình", UnitType.TINH, null);

    private final AdministrativeUnit district = AdministrativeUnit.within(province, UnitLevel.DISTRICT, "157",
            "Lạc Sơn", UnitType.HUYEN, null);

    private final AdministrativeUnit commune = AdministrativeUnit.within(district, UnitLevel.COMMUNE, "05305",
            "Yên Phú", UnitType.XA, null);

    /** A commune formed by the 2025 reform: no district, reviewed at its province. */
    private final AdministrativeUnit reformed = AdministrativeUnit.within(province, UnitLevel.COMMUNE, "05347",
            "Đại Đồng", UnitType.XA, null);

    private final UserAccount staff = account(1, "xa.yenphu", Role.COMMUNE_STAFF, "05305");

    private final UserAccount viewer = account(2, "xem.yenphu", Role.VIEWER, "05305");

    private final UserAccount official = account(3, "huyen.lacson", Role.DISTRICT_OFFICIAL, "157");

    private final UserAccount manager = account(4, "tinh.hoabinh", Role.PROVINCE_MANAGER, "17");

    private final UserAccount provinceOfficial = account(5, "so.hoabinh", Role.DISTRICT_OFFICIAL, "17");

    private final UserAccount reformedStaff = account(6, "xa.daidong", Role.COMMUNE_STAFF, "05347");

    @BeforeEach
    void accountsByUnit() {
        when(accounts.findEnabledByUnitCode("05305")).thenReturn(List.of(staff, viewer));
        when(accounts.findEnabledByUnitCode("05347")).thenReturn(List.of(reformedStaff));
        when(accounts.findEnabledByUnitCode("157")).thenReturn(List.of(official));
        when(accounts.findEnabledByUnitCode("17")).thenReturn(List.of(manager, provinceOfficial));
    }

    @Test
    void aCommunesStaffAreItsStaffAloneNotItsViewers() {
        assertThat(recipients.staffOf(commune)).containsExactly(1L);
    }

    @Test
    void aCommuneWithADistrictIsReviewedByItsOfficialsAndOneWithoutByItsProvince() {
        assertThat(recipients.reviewersOf(commune)).containsExactly(3L);
        assertThat(recipients.reviewersOf(reformed)).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void aCommentGoesToTheOtherSideAndNeverToItsAuthor() {
        assertThat(recipients.otherSideOf(commune, staff)).containsExactly(3L);
        assertThat(recipients.otherSideOf(commune, official)).containsExactly(1L);
        assertThat(recipients.otherSideOf(reformed, manager)).containsExactly(6L);
        assertThat(recipients.otherSideOf(reformed, reformedStaff)).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void aProvincesManagersAreItsManagersAlone() {
        assertThat(recipients.managersOfProvince(province)).containsExactly(4L);
        assertThat(Recipients.provinceOf(commune)).isSameAs(province);
    }

    private static UserAccount account(long id, String username, Role role, String unitCode) {
        UserAccount account = new UserAccount(username, username, "hash", role, unitCode, Instant.EPOCH);
        ReflectionTestUtils.setField(account, "id", id);
        return account;
    }
}
