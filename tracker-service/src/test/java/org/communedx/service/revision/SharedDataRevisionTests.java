package org.communedx.service.revision;

import java.time.Instant;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With shared sessions several instances may write to the database, so the revision is the database's: every instance
 * reads the same number, a write through any of them moves it in its own transaction, and one rolled back does not.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.sessions=jdbc")
class SharedDataRevisionTests {

    @Autowired
    DataRevision revision;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate readWrite;

    long before;

    @BeforeEach
    void start() {
        readWrite = new TransactionTemplate(transactionManager);
        before = revision.current();
    }

    @AfterEach
    void removeAccounts() {
        jdbc.update("delete from user_account where username like 'shared-revision.%'");
    }

    @Test
    void itIsTheDatabasesNumber() {
        assertThat(before).isEqualTo(stored());

        // Another instance's write, as it lands in the database.
        jdbc.update("update data_revision set revision = revision + 5");

        assertThat(revision.current()).isEqualTo(before + 5);
    }

    @Test
    void aCommittedWriteMovesItInTheDatabase() {
        readWrite.executeWithoutResult(status -> accounts.save(account("shared-revision.a")));

        assertThat(stored()).isEqualTo(before + 1);
        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void aRolledBackWriteLeavesItAlone() {
        readWrite.executeWithoutResult(status -> {
            accounts.saveAndFlush(account("shared-revision.b"));
            status.setRollbackOnly();
        });

        assertThat(revision.current()).isEqualTo(before);
    }

    @Test
    void readingLeavesItAlone() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> accounts.findAll());
        readWrite.executeWithoutResult(status -> accounts.count());
        readWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readWrite.executeWithoutResult(status -> accounts.findByUsername("admin"));

        assertThat(revision.current()).isEqualTo(before);
    }

    private long stored() {
        return jdbc.queryForObject("select revision from data_revision", Long.class);
    }

    private static UserAccount account(String username) {
        return new UserAccount(username, "Test", "{noop}x", Role.ADMIN, null, Instant.EPOCH);
    }
}
