package org.communedx.service.database;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.communedx.service.CommuneDxProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Conditional;

/**
 * Starts a real PostgreSQL server inside the application when no external database is configured, so that
 * a district IT officer runs the tracker with nothing but Java installed.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@Conditional(NoExternalDatabaseCondition.class)
@ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
@EnableConfigurationProperties(CommuneDxProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    @Bean(destroyMethod = "close")
    PersistentPostgres persistentPostgres(CommuneDxProperties properties,
            ObjectProvider<EmbeddedPostgresHeadStart.Start> headStart, Environment environment) {
        EmbeddedPostgresHeadStart.Start started = headStart.getIfAvailable();
        return started != null ? started.take()
                : PersistentPostgres.start(properties.clusterDirectory(), properties.embeddedDatabasePort(),
                        environment.getProperty("server.port", Integer.class, 8080));
    }

    @Bean
    PostmasterWatchdog postmasterWatchdog(PersistentPostgres postgres, ApplicationEventPublisher events) {
        // A non-zero exit runs the shutdown hooks, which close the context in order.
        return new PostmasterWatchdog(postgres, events, () -> System.exit(1));
    }

    /** Boot's own DataSource auto-configuration builds the pool from these, honouring spring.datasource.hikari.*. */
    @Bean
    JdbcConnectionDetails embeddedDatabaseConnectionDetails(PersistentPostgres postgres) {
        return new JdbcConnectionDetails() {

            @Override
            public String getUsername() {
                return PersistentPostgres.USER;
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }
}
