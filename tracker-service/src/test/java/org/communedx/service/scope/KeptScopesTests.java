package org.communedx.service.scope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.revision.DataRevision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A user's scope is kept while the data revision stands, and worked out afresh once it moves. The account is moved to
 * another district behind the scopes' back, so that a kept scope and a fresh one tell themselves apart.
 */
class KeptScopesTests {

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);

    private final AdministrativeUnitRepository units = mock(AdministrativeUnitRepository.class);

    private final DataRevision revision = mock(DataRevision.class);

    private final Scopes scopes = new Scopes(accounts, units, revision);

    @BeforeEach
    void lacSonAndKimBoi() {
        when(units.findReachableCodes("157")).thenReturn(List.of("157", "05305"));
        when(units.findReachableCodes("153")).thenReturn(List.of("153", "05068"));
        inDistrict("huyen.lacson", "157");
        inDistrict("huyen.kimboi", "153");
        when(revision.current()).thenReturn(7L);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aScopeIsKeptUntilTheRevisionMoves() {
        loginAs("huyen.lacson", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isTrue();
        inDistrict("huyen.lacson", "153");

        assertThat(scopes.current().includes("05305")).as("kept while the revision stands").isTrue();

        when(revision.current()).thenReturn(8L);
        assertThat(scopes.current().includes("05305")).as("worked out afresh after a write").isFalse();
        assertThat(scopes.current().includes("05068")).isTrue();
    }

    @Test
    void aScopeKeptForOneUserIsNeverAnothers() {
        loginAs("huyen.lacson", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isTrue();

        loginAs("huyen.kimboi", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isFalse();
        assertThat(scopes.current().includes("05068")).isTrue();
    }

    private void inDistrict(String username, String district) {
        when(accounts.findByUsername(username)).thenReturn(Optional.of(new UserAccount(username, username, "{noop}x",
                Role.DISTRICT_OFFICIAL, district, Instant.EPOCH)));
    }
}
