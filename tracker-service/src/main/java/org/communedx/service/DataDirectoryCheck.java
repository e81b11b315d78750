package org.communedx.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;

/**
 * Makes sure the data directory ({@code communedx.data-dir}) can be written before anything else starts. Otherwise
 * the embedded database's initdb, or the first upload, would be the first to find out, deep in a stack trace. The
 * check leaves nothing behind: where the directory does not exist yet, it tries the nearest folder that does, which
 * is where the directory will be created. With the embedded database, its cluster folder is checked too.
 */
public class DataDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // Read as the application will read it, before any bean exists to ask.
        CommuneDxProperties properties = Binder.get(event.getEnvironment())
                .bindOrCreate("communedx", CommuneDxProperties.class);
        Path dataDir = properties.dataDir().toAbsolutePath();
        checkWritable(dataDir, dataDir);
        // The embedded cluster's folder is the next thing written; as a file, or on a read-only mount, it failed only
        // inside initdb or PostgreSQL, as a stack trace.
        Path cluster = properties.clusterDirectory().toAbsolutePath();
        if (!StringUtils.hasText(event.getEnvironment().getProperty("spring.datasource.url")) && Files.exists(cluster)) {
            checkWritable(cluster, dataDir);
        }
    }

    /** Writes and deletes a file in {@code directory}, or in the nearest folder above it that exists. */
    private static void checkWritable(Path directory, Path dataDir) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new DataDirectoryUnwritableException(dataDir, (existing == null ? directory : existing)
                    + " is not a directory");
        }
        try {
            // Files.isWritable says yes to root everywhere, read-only file systems included: only a write tells.
            Files.delete(Files.createTempFile(existing, ".communedx-write-check", ".tmp"));
        }
        catch (IOException | SecurityException ex) {
            throw new DataDirectoryUnwritableException(dataDir, "cannot write in " + existing + " ("
                    + ex.getClass().getSimpleName() + ")");
        }
    }

    /** The data directory cannot be created or written. */
    public static final class DataDirectoryUnwritableException extends IllegalStateException {

        DataDirectoryUnwritableException(Path dataDir, String reason) {
            super("The data directory " + dataDir + " cannot be written: " + reason
                    + "; set COMMUNEDX_DATA_DIR to a directory this user can write");
        }
    }
}
