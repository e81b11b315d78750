package org.communedx.web.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.scope.Scopes;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter holds the caller's scope for exactly one request. Both requests run on this one thread with one
 * Authentication, as two requests of one session can on a pooled Tomcat thread, so a scope that outlived its request
 * would be the one the second request gets.
 */
@TrackerIntegrationTest
class RequestBoundFilterIT {

    @Autowired
    RequestBoundFilter filter;

    @Autowired
    Scopes scopes;

    @Autowired
    UserAccountRepository accounts;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aScopeIsRememberedWithinOneRequestAndForgottenAfterIt() throws Exception {
        String username = TestAccounts.uniqueUsername("filter");
        accounts.save(new UserAccount(username, "Người xem", "{noop}x", Role.VIEWER, "157", Instant.EPOCH));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_VIEWER"));
        List<Boolean> reachesYenPhu = new ArrayList<>();

        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
            reachesYenPhu.add(scopes.current().includes("05305"));
            movedToKimBoi(username);
            reachesYenPhu.add(scopes.current().includes("05305"));
        });
        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> reachesYenPhu.add(scopes.current().includes("05305")));

        assertThat(reachesYenPhu).as("Lạc Sơn's Yên Phú: before the move, later in that request, the next request")
                .containsExactly(true, true, false);
    }

    private void movedToKimBoi(String username) {
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        account.assign(Role.VIEWER, "153");
        accounts.save(account);
    }
}
