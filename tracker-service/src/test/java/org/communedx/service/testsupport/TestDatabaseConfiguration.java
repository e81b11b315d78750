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
 * A test whose data must not meet the others' (the whole country, say) sets {@link #SCHEMA} and
 * {@code spring.flyway.default-schema} to a schema of its own: its context then works in that schema of the same
 * database, migrated and (on an external server) cleaned on its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    static final String EXTERNAL = "'${TEST_DATABASE_URL:}' != ''";

    /** The property naming a test context's own schema; unset, the database's default one. */
    public static final String SCHEMA = "communedx.test.schema";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(EXTERNAL)
    static class External {

        @Bean
        JdbcConnectionDetails externalTestDatabase(Environment environment) {
            return new FixedConnectionDetails(inSchema(environment.getRequiredProperty("TEST_DATABASE_URL"), environment),
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
        PostgreSQLContainer postgresContainer(Environment environment) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            String schema = environment.getProperty(SCHEMA, "");
            return schema.isEmpty() ? container : container.withUrlParam("currentSchema", schema);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!(" + EXTERNAL + ") and '${TEST_DATABASE:embedded}' == 'embedded'")
    static class Embedded {

        @Bean
        JdbcConnectionDetails embeddedTestDatabase(Environment environment) {
            return new FixedConnectionDetails(
                    inSchema(SharedEmbeddedPostgres.INSTANCE.getJdbcUrl("postgres", "postgres"), environment),
                    "postgres", "");
        }
    }

    /** The URL with the context's schema as the connections' search path, when it has one of its own. */
    static String inSchema(String url, Environment environment) {
        String schema = environment.getProperty(SCHEMA, "");
        if (schema.isEmpty()) {
            return url;
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(SCHEMA + " must be a plain lower-case name: " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
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
