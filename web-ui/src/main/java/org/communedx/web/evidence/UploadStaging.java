package org.communedx.web.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.communedx.service.CommuneDxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat works in {@code <data-dir>/tomcat}, and writes the parts of an upload to {@code <data-dir>/tomcat/uploads}
 * as they arrive. By default it worked in a new {@code /tmp/tomcat.<port>.*} directory at each start, so the parts
 * an upload left behind when the JVM was killed were never removed. They are now in one known place, which is
 * emptied at start: then no upload can be running, since the data directory is this application's alone (its
 * lock is held once the database is up) and pages, uploads included, are refused until the start is complete.
 */
@Configuration(proxyBeanMethods = false)
class UploadStaging {

    private static final Logger LOG = LoggerFactory.getLogger(UploadStaging.class);

    static Path tomcatDirectory(CommuneDxProperties properties) {
        return properties.dataDir().toAbsolutePath().normalize().resolve("tomcat");
    }

    static Path uploadDirectory(CommuneDxProperties properties) {
        return tomcatDirectory(properties).resolve("uploads");
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> tomcatInTheDataDirectory(
            CommuneDxProperties properties) {
        return factory -> factory.setBaseDirectory(tomcatDirectory(properties).toFile());
    }

    /**
     * Spring Boot's multipart settings ({@code spring.servlet.multipart}), with the location set to an absolute
     * directory: Tomcat would resolve a relative one against its own work directory, not the data directory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, CommuneDxProperties properties) {
        Path uploads = uploadDirectory(properties);
        try {
            Files.createDirectories(uploads);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the upload directory " + uploads, ex);
        }
        MultipartConfigElement limits = multipart.createMultipartConfig();
        return new MultipartConfigElement(uploads.toString(), limits.getMaxFileSize(), limits.getMaxRequestSize(),
                limits.getFileSizeThreshold());
    }

    @Bean
    ApplicationRunner sweepUploadParts(CommuneDxProperties properties) {
        return arguments -> {
            int removed = 0;
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(uploadDirectory(properties))) {
                for (Path part : parts) {
                    if (Files.isRegularFile(part) && Files.deleteIfExists(part)) {
                        removed++;
                    }
                }
            }
            if (removed > 0) {
                LOG.info("Removed {} upload parts that an interrupted run left behind", removed);
            }
        };
    }
}
