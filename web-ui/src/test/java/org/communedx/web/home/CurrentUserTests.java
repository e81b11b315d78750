package org.communedx.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CurrentUserTests {

    @Test
    void noOneAndAnAnonymousVisitorHoldNoRole() {
        for (CurrentUser nobody : List.of(new CurrentUser(null), new CurrentUser(new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN"))))) {
            assertThat(nobody.signedIn()).isFalse();
            assertThat(nobody.name()).isNull();
            assertThat(nobody.admin()).isFalse();
        }
    }

    @Test
    void aSignedInUserHoldsExactlyTheRolesGranted() {
        CurrentUser manager = new CurrentUser(UsernamePasswordAuthenticationToken.authenticated("tinh.25", null,
                AuthorityUtils.createAuthorityList("ROLE_PROVINCE_MANAGER", "PASSWORD_CHANGE_REQUIRED")));

        assertThat(manager.signedIn()).isTrue();
        assertThat(manager.name()).isEqualTo("tinh.25");
        assertThat(manager.provinceManager()).isTrue();
        assertThat(manager.admin()).isFalse();
        assertThat(manager.districtOfficial()).isFalse();
        assertThat(manager.viewer()).isFalse();
    }

    @Test
    void aUserWithoutDisplayNameIsCalledByUsername() {
        CurrentUser staff = new CurrentUser(UsernamePasswordAuthenticationToken.authenticated("xa.yenphu", null,
                AuthorityUtils.createAuthorityList("ROLE_COMMUNE_STAFF")));

        assertThat(staff.displayName()).isEqualTo("xa.yenphu");
        assertThat(new CurrentUser(null).displayName()).isNull();
    }
}
