package org.communedx.service.token;

import java.util.Set;

import org.communedx.model.user.Role;
import org.communedx.service.scope.UnitScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiTokens#mayIssue}, the one rule for who may issue which token: asked at issue time of the caller, and at
 * every use of a token of its issuer as they are then (ApiTokenAuthenticator).
 */
class ApiTokenIssueRuleTests {

    private static final UnitScope EVERYTHING = new UnitScope(true, null, Set.of(), Set.of());

    private static final UnitScope PHU_THO = new UnitScope(false, "25", Set.of("25", "05305"), Set.of(25L, 5305L));

    private static final UnitScope OTHER_PROVINCE = new UnitScope(false, "98", Set.of("98", "98001"),
            Set.of(98L, 98001L));

    @Test
    void anAdministratorIssuesAnyRoleAnywhere() {
        for (Role role : Role.values()) {
            assertThat(ApiTokens.mayIssue(Role.ADMIN, EVERYTHING, role, role == Role.ADMIN ? null : 98001L))
                    .as(role.name()).isTrue();
        }
    }

    @Test
    void aProvincialManagerIssuesRolesUpToTheirOwnWithinTheirProvinceOnly() {
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, PHU_THO, Role.PROVINCE_MANAGER, 25L)).isTrue();
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, PHU_THO, Role.VIEWER, 5305L)).isTrue();
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, PHU_THO, Role.ADMIN, null)).isFalse();
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, PHU_THO, Role.VIEWER, 98001L)).isFalse();
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, PHU_THO, Role.VIEWER, null)).isFalse();
    }

    @Test
    void aDemotedOrMovedIssuerNoLongerPasses() {
        // Made a district official of the same province: no role at all any more.
        for (Role role : Role.values()) {
            assertThat(ApiTokens.mayIssue(Role.DISTRICT_OFFICIAL, PHU_THO, role, 25L)).as(role.name()).isFalse();
            assertThat(ApiTokens.mayIssue(Role.VIEWER, PHU_THO, role, 25L)).as(role.name()).isFalse();
        }
        // Manager of another province: not the first province's units.
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, OTHER_PROVINCE, Role.PROVINCE_MANAGER, 25L)).isFalse();
        assertThat(ApiTokens.mayIssue(Role.PROVINCE_MANAGER, OTHER_PROVINCE, Role.VIEWER, 98001L)).isTrue();
    }
}
