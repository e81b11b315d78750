package org.communedx.service.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database.
 * @param dataDir the application's data directory ({@code COMMUNEDX_DATA_DIR}); the cluster lives in its
 * {@code postgres} folder
 * @param port the embedded server's port, or 0 for any free one
 */
@ConfigurationProperties("communedx")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedDatabasePort) {

    Path clusterDirectory() {
        return dataDir.resolve("postgres");
    }

    int port() {
        return embeddedDatabasePort;
    }
}
