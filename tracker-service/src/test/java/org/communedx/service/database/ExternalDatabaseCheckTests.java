package org.communedx.service.database;

import org.communedx.service.database.ExternalDatabaseCheck.ServerAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalDatabaseCheckTests {

    @Test
    void namesHostPortAndDatabaseButNeverCredentials() {
        ServerAddress address = ServerAddress.parse(
                "jdbc:postgresql://db.tinh.gov.vn:6543/tracker?user=app&password=s3cret");

        assertThat(address).isEqualTo(new ServerAddress("db.tinh.gov.vn", 6543, "tracker"));
        assertThat(address.toString()).doesNotContain("s3cret");
    }

    @Test
    void aUrlWithoutJdbcIsNamedByItsSchemeAlone() {
        String message = new ExternalDatabaseCheck.DatabaseUrlInvalidException(
                "postgresql://app:s3cret@db.tinh.gov.vn/tracker").getMessage();

        assertThat(message).contains("must be a PostgreSQL JDBC URL", "begins with \"postgresql\"")
                .doesNotContain("s3cret", "db.tinh.gov.vn");
    }

    @Test
    void fallsBackToPostgresDefaults() {
        assertThat(ServerAddress.parse("jdbc:postgresql://localhost/")).isEqualTo(
                new ServerAddress("localhost", 5432, "(default)"));
    }
}
