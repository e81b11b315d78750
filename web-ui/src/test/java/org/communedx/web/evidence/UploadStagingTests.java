package org.communedx.web.evidence;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.communedx.service.CommuneDxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/** Tomcat's working directory and upload parts live under the data directory, and leftover parts go at start. */
class UploadStagingTests {

    @TempDir
    Path dataDir;

    @Test
    void tomcatWorksUnderTheDataDirectoryAndLeftoverPartsGoAtStart() throws Exception {
        Path uploads = dataDir.resolve("tomcat/uploads");
        Files.createDirectories(uploads);
        Path leftover = Files.write(uploads.resolve("upload_5f1c_00000003.tmp"), new byte[] { 1, 2, 3 });

        new ApplicationContextRunner().withUserConfiguration(Properties.class, UploadStaging.class)
                .withPropertyValues("communedx.data-dir=" + dataDir, "spring.servlet.multipart.max-file-size=100MB")
                .run(context -> {
                    MultipartConfigElement multipart = context.getBean(MultipartConfigElement.class);
                    assertThat(multipart.getLocation()).isEqualTo(uploads.toString());
                    assertThat(multipart.getMaxFileSize()).as("Spring Boot's settings kept").isEqualTo(100L * 1024 * 1024);

                    TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory();
                    @SuppressWarnings("unchecked")
                    WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer = (WebServerFactoryCustomizer<TomcatServletWebServerFactory>) context
                            .getBeanProvider(ResolvableType.forClass(WebServerFactoryCustomizer.class)).getObject();
                    customizer.customize(tomcat);
                    assertThat(tomcat.getBaseDirectory()).isEqualTo(dataDir.resolve("tomcat").toFile());

                    assertThat(leftover).exists();
                    context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
                    assertThat(leftover).doesNotExist();
                    assertThat(uploads).isDirectory();
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ CommuneDxProperties.class, MultipartProperties.class })
    static class Properties {
    }
}
