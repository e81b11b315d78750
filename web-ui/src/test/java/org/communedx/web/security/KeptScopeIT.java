package org.communedx.web.security;

import java.time.Instant;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.scope.Scopes;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's scope is kept between requests, but never past a write: moving an account to another district through the
 * application moves the data revision, and the very next check works the scope out afresh.
 */
@TrackerIntegrationTest
class KeptScopeIT {

    @Autowired
    Scopes scopes;

    @Autowired
    UserAccountRepository accounts;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUsersScopeFollowsTheirMoveOnTheNextCheck() {
        String username = TestAccounts.uniqueUsername("kept");
        accounts.save(new UserAccount(username, "Người xem", "{noop}x", Role.VIEWER, "157", Instant.EPOCH));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_VIEWER"));
        assertThat(scopes.current().includes("05305")).as("Lạc Sơn's Yên Phú").isTrue();
        assertThat(scopes.current().includes("05305")).as("kept").isTrue();

        UserAccount account = accounts.findByUsername(username).orElseThrow();
        account.assign(Role.VIEWER, "153");
        accounts.save(account);

        assertThat(scopes.current().includes("05305")).as("after the move to Kim Bôi").isFalse();
        assertThat(scopes.current().includes("05068")).as("Kim Bôi's own commune").isTrue();
    }
}
