package org.communedx.service.database;

import java.time.Instant;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = ServiceTestApplication.class)
class DuplicateKeysTests {

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    TransactionTemplate transactions;

    /** The second of two accounts sent at once, both past the check that the name is free. */
    @Test
    void aRowThatAUniqueKeyRefusesIsADuplicateKeyAndAnyOtherRefusalIsNot() {
        String username = "dup." + System.nanoTime();
        transactions.executeWithoutResult(status -> accounts.save(account(username, "01")));
        try {
            assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() ->
                    transactions.executeWithoutResult(status -> accounts.save(account(username, "01"))));
            // A unit code longer than its column: refused by the database, but no duplicate.
            assertThatExceptionOfType(DataIntegrityViolationException.class)
                    .isThrownBy(() -> transactions.executeWithoutResult(status ->
                            accounts.save(account(username + ".2", "0".repeat(300)))))
                    .isNotInstanceOf(DuplicateKeyException.class);
        }
        finally {
            transactions.executeWithoutResult(status -> accounts.findByUsername(username).ifPresent(accounts::delete));
        }
    }

    private static UserAccount account(String username, String unitCode) {
        return new UserAccount(username, "Thử trùng", "{noop}x", Role.COMMUNE_STAFF, unitCode, Instant.now());
    }
}
