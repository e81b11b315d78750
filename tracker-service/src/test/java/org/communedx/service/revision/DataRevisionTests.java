package org.communedx.service.revision;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.user.LoginAttempts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The revision moves once for each committed transaction that wrote, however it wrote, and for nothing else: a page
 * kept under a revision that a write failed to move would be served stale, and one moved by mere reading would never
 * be served again.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class DataRevisionTests {

    @Autowired
    DataRevision revision;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    LoginAttempts loginAttempts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate readWrite;

    long before;

    @BeforeEach
    void oneAccount() {
        readWrite = new TransactionTemplate(transactionManager);
        readWrite.executeWithoutResult(status -> accounts.save(account("revision.a")));
        before = revision.current();
    }

    @AfterEach
    void removeAccounts() {
        jdbc.update("delete from user_account where username like 'revision.%'");
    }

    @Test
    void aCommittedInsertMovesIt() {
        readWrite.executeWithoutResult(status -> accounts.save(account("revision.b")));

        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void anEntityChangedWithoutAFlushMovesIt() {
        readWrite.executeWithoutResult(status -> accounts.findByUsername("revision.a").orElseThrow().disable());

        assertThat(jdbc.queryForObject("select enabled from user_account where username = 'revision.a'",
                Boolean.class)).isFalse();
        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void aWriteThroughJdbcMovesIt() {
        readWrite.executeWithoutResult(status ->
                jdbc.update("update user_account set display_name = 'A' where username = 'revision.a'"));

        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void eachCommittedTransactionMovesItOnce() {
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readWrite.executeWithoutResult(outer -> {
            accounts.save(account("revision.b"));
            inner.executeWithoutResult(status -> accounts.save(account("revision.c")));
        });

        assertThat(revision.current()).isEqualTo(before + 2);
    }

    @Test
    void aWriteOfAnotherSynchronizationBeforeTheCommitMovesIt() {
        readWrite.executeWithoutResult(status -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        jdbc.update("update user_account set display_name = 'B' where username = 'revision.a'");
                    }
                }));

        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void loginBookkeepingLeavesItAlone() {
        String attempts = "select count(*) from login_attempt where username_key like 'revision.%'";
        int attemptsBefore = jdbc.queryForObject(attempts, Integer.class);

        loginAttempts.succeeded("revision.a", "127.0.0.1");
        loginAttempts.failed("revision.a", "127.0.0.1");
        loginAttempts.failed("revision.nobody", "127.0.0.1");

        assertThat(jdbc.queryForObject(attempts, Integer.class)).isEqualTo(attemptsBefore + 3);
        assertThat(jdbc.queryForObject("select last_login_at from user_account where username = 'revision.a'",
                OffsetDateTime.class)).isNotNull();
        assertThat(revision.current()).isEqualTo(before);
    }

    @Test
    void loginBookkeepingHidesNoOtherWriteOfTheTransactionItIsCalledIn() {
        readWrite.executeWithoutResult(status -> {
            accounts.save(account("revision.b"));
            loginAttempts.failed("revision.b", "127.0.0.1");
        });

        assertThat(revision.current()).isEqualTo(before + 1);
    }

    @Test
    void aReadWriteTransactionThatOnlyReadsLeavesItAlone() {
        readWrite.executeWithoutResult(status -> accounts.findByUsername("revision.a").orElseThrow().getRole());

        assertThat(revision.current()).isEqualTo(before);
    }

    @Test
    void aReadOnlyTransactionLeavesItAlone() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> accounts.findByUsername("revision.a").orElseThrow());

        assertThat(revision.current()).isEqualTo(before);
    }

    @Test
    void aRolledBackWriteLeavesItAlone() {
        assertThatThrownBy(() -> readWrite.executeWithoutResult(status -> {
            accounts.save(account("revision.b"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(accounts.findByUsername("revision.b")).isEmpty();
        assertThat(revision.current()).isEqualTo(before);
    }

    private static UserAccount account(String username) {
        return new UserAccount(username, username, "{noop}x", Role.ADMIN, null, Instant.EPOCH);
    }
}
