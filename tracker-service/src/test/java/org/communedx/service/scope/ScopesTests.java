package org.communedx.service.scope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EntityManager;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.unit.GsoListImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Scopes over a real database, inside the test's read-write transaction, where nothing is kept ({@link KeptScopesTests}
 * covers keeping). A test moves an account to another district behind the application's back, so that a kept scope and
 * a fresh one would tell themselves apart.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class ScopesTests {

    @Autowired
    Scopes scopes;

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @BeforeEach
    void twoDistrictOfficials() {
        try (InputStream list = ScopesTests.class.getResourceAsStream("/units/hoabinh-sample.csv")) {
            gsoImport.importList(new ByteArrayResource(list.readAllBytes()), LocalDate.of(2025, 3, 1));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        accounts.save(new UserAccount("huyen.lacson", "huyen.lacson", "{noop}x", Role.DISTRICT_OFFICIAL, "157",
                Instant.EPOCH));
        accounts.save(new UserAccount("huyen.kimboi", "huyen.kimboi", "{noop}x", Role.DISTRICT_OFFICIAL, "153",
                Instant.EPOCH));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void insideAWritingTransactionEveryCheckLooksAgain() {
        loginAs("huyen.lacson", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isTrue();
        movedToKimBoi("huyen.lacson");

        assertThat(scopes.current().includes("05305")).as("not kept from a transaction that may roll back").isFalse();
    }

    @Test
    void eachCallerHasTheirOwnScope() {
        loginAs("huyen.lacson", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isTrue();

        loginAs("huyen.kimboi", Role.DISTRICT_OFFICIAL);
        assertThat(scopes.current().includes("05305")).isFalse();
        SecurityContextHolder.clearContext();
        assertThat(scopes.current()).as("anonymous").isEqualTo(UnitScope.NOTHING);
    }

    /** Past the persistence context too, which would otherwise go on answering with the account it loaded. */
    private void movedToKimBoi(String username) {
        entityManager.flush();
        jdbc.update("update user_account set unit_code = '153' where username = ?", username);
        entityManager.clear();
    }
}
