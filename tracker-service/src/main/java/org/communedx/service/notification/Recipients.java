package org.communedx.service.notification;

import java.util.List;
import java.util.Objects;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.scope.Acting;

import org.springframework.stereotype.Component;

/**
 * Who hears of what happens to a commune, by the same rules that say who may act on it
 * ({@link AssessmentWorkflow#isStaff}, {@link AssessmentWorkflow#isReviewer}): enabled accounts only, and never the
 * person whose act it was.
 */
@Component
class Recipients {

    private final UserAccountRepository accounts;

    Recipients(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The commune's staff: the people who record its entries. */
    List<Long> staffOf(AdministrativeUnit commune) {
        return ids(accounts.findEnabledByUnitCode(commune.getCode()).stream()
                .filter(account -> AssessmentWorkflow.isStaff(Acting.of(account), commune)).toList());
    }

    /** The commune's reviewers: its district's officials, or its province's where it has no district. */
    List<Long> reviewersOf(AdministrativeUnit commune) {
        AdministrativeUnit parent = commune.getParent();
        if (parent == null) {
            return List.of();
        }
        return ids(accounts.findEnabledByUnitCode(parent.getCode()).stream()
                .filter(account -> AssessmentWorkflow.isReviewer(Acting.of(account), commune)).toList());
    }

    /** The managers of the province the unit lies in. */
    List<Long> managersOfProvince(AdministrativeUnit province) {
        if (province.getLevel() != UnitLevel.PROVINCE) {
            throw new IllegalArgumentException(province.getCode() + " is no province");
        }
        return ids(accounts.findEnabledByUnitCode(province.getCode()).stream()
                .filter(account -> account.getRole() == Role.PROVINCE_MANAGER).toList());
    }

    /**
     * The other side of a commune's thread from {@code author}: its reviewers when the author is its staff, its
     * staff otherwise; never the author.
     */
    List<Long> otherSideOf(AdministrativeUnit commune, UserAccount author) {
        List<Long> others = AssessmentWorkflow.isStaff(Acting.of(author), commune) ? reviewersOf(commune) : staffOf(commune);
        return others.stream().filter(id -> !Objects.equals(id, author.getId())).toList();
    }

    static AdministrativeUnit provinceOf(AdministrativeUnit unit) {
        AdministrativeUnit province = unit;
        while (province.getParent() != null) {
            province = province.getParent();
        }
        return province;
    }

    private static List<Long> ids(List<UserAccount> accounts) {
        return accounts.stream().map(UserAccount::getId).toList();
    }
}
