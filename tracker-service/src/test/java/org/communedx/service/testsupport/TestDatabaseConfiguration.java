package org.communedx.service.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one place that decides which real PostgreSQL the tests use. Every Spring test imports it, so Spring
 * caches a single context:
 * <ul>
 * <li>{@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USERNAME}, {@code TEST_DATABASE_PASSWORD}): that
 * server, whose schema the tests wipe and migrate anew;</li>
 * <li>{@code TEST_DATABASE=testcontainers}: a PostgreSQL 17 container, where Docker runs;</li>
 * <li>otherwise an embedded PostgreSQL 17 in a throwaway directory, one per test JVM.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    static final String EXTERNAL = "'${TEST_DATABASE_URL:}' != ''";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(EXTERNAL)
    static class External {

        @Bean
        JdbcConnectionDetails externalTestDatabase(Environment environment) {
            return new FixedConnectionDetails(environment.getRequiredProperty("TEST_DATABASE_URL"),
                    environment.getProperty("TEST_DATABASE_USERNAME", "postgres"),
                    environment.getProperty("TEST_DATABASE_PASSWORD", ""));
        }

        /** A shared server keeps what earlier runs left; every run starts from an empty, migrated schema. */
        @Bean
        FlywayConfigurationCustomizer allowCleaningTheTestDatabase() {
            return configuration -> configuration.cleanDisabled(false);
        }

        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!(" + EXTERNAL + ")")
    @ConditionalOnProperty(name = "TEST_DATABASE", havingValue = "testcontainers")
    static class Container {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return new PostgreSQLContainer("postgres:17-alpine");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!(" + EXTERNAL + ") and '${TEST_DATABASE:embedded}' == 'embedded'")
    static class Embedded {

        @Bean
        JdbcConnectionDetails embeddedTestDatabase() {
            return new FixedConnectionDetails(SharedEmbeddedPostgres.INSTANCE.getJdbcUrl("postgres", "postgres"),
                    "postgres", "");
        }
    }

    /** Started once per JVM and stopped by its own shutdown hook, whatever number of contexts use it. */
    private static final class SharedEmbeddedPostgres {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private record FixedConnectionDetails(String jdbcUrl, String username, String password)
            implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return jdbcUrl;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }
    }
}
