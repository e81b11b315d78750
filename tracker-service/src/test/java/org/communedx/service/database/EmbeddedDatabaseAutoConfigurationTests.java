package org.communedx.service.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseAutoConfigurationTests {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(EmbeddedDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @Test
    void servesTheDataDirectoryWhenNoExternalDatabaseIsConfigured() {
        contextRunner.withPropertyValues("communedx.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(PersistentPostgres.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show data_directory", String.class))
                    .isEqualTo(dataDir.resolve("postgres").toRealPath().toString());
        });
    }

    @Test
    void startsNothingWhenAnExternalDatabaseIsConfigured() {
        contextRunner.withPropertyValues("communedx.data-dir=" + dataDir,
                "spring.datasource.url=jdbc:postgresql://db.example:5432/tracker").run(context -> {
            assertThat(context).doesNotHaveBean(PersistentPostgres.class);
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        });
    }
}
