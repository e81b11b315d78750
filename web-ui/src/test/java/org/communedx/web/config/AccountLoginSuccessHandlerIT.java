package org.communedx.web.config;

import java.time.Instant;
import java.util.List;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.user.AccountSettings;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login reads the account, then spends a while on the password; an administrator's change that commits in
 * between finds no session of it to end, so the login itself looks at the account once more when it succeeds.
 */
@TrackerIntegrationTest
class AccountLoginSuccessHandlerIT {

    @Autowired
    AccountSettings settings;

    @Autowired
    UserAccountRepository accounts;

    @Test
    void aLoginWhoseAccountChangedMeanwhileIsUndone() throws Exception {
        String username = TestAccounts.uniqueUsername("race");
        UserAccount account = accounts.save(new UserAccount(username, "Người xem", "{noop}x", Role.VIEWER, "157",
                Instant.EPOCH));
        Authentication asLoaded = UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_VIEWER")));
        assertThat(afterLogin(asLoaded)).as("unchanged").isEqualTo("/");

        account.assign(Role.DISTRICT_OFFICIAL, "157");
        account = accounts.save(account);
        assertThat(afterLogin(asLoaded)).as("role changed").isEqualTo("/login?ended");

        account.assign(Role.VIEWER, "157");
        account.disable();
        accounts.save(account);
        assertThat(afterLogin(asLoaded)).as("disabled").isEqualTo("/login?ended");
    }

    private String afterLogin(Authentication authentication) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AccountLoginSuccessHandler(settings).onAuthenticationSuccess(request, response,
                authentication);
        return response.getRedirectedUrl();
    }
}
