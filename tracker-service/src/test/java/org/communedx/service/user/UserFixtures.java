package org.communedx.service.user;

import java.time.Instant;
import java.time.LocalDate;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two made-up provinces, inside the test's transaction: 88 with district 881 and its communes 88101 (current)
 * and 88102 (closed), and 89, a province after the 2025 reform whose commune 89101 hangs directly under it.
 */
final class UserFixtures {

    private UserFixtures() {
    }

    static void units(AdministrativeUnitRepository units) {
        AdministrativeUnit province = units.save(AdministrativeUnit.province("88", "Tỉnh Thử Nghiệm", UnitType.TINH, null));
        AdministrativeUnit district = units.save(AdministrativeUnit.within(province, UnitLevel.DISTRICT, "881",
                "Huyện Thử", UnitType.HUYEN, null));
        units.save(AdministrativeUnit.within(district, UnitLevel.COMMUNE, "88101", "Xã Một", UnitType.XA, null));
        AdministrativeUnit closed = AdministrativeUnit.within(district, UnitLevel.COMMUNE, "88102", "Xã Đã Nhập",
                UnitType.XA, null);
        closed.close(LocalDate.of(2025, 6, 30));
        units.save(closed);
        AdministrativeUnit reformed = units.save(AdministrativeUnit.province("89", "Tỉnh Sau Sắp Xếp", UnitType.TINH,
                LocalDate.of(2025, 7, 1)));
        units.save(AdministrativeUnit.within(reformed, UnitLevel.COMMUNE, "89101", "Xã Mới", UnitType.XA,
                LocalDate.of(2025, 7, 1)));
    }

    static UserAccount account(UserAccountRepository accounts, String username, Role role, String unitCode) {
        return accounts.save(new UserAccount(username, "Người dùng " + username, "{noop}Mat-khau-cu-2025", role,
                unitCode, Instant.EPOCH));
    }

    static void loginAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(username, null, "ROLE_" + role.name()));
    }
}
