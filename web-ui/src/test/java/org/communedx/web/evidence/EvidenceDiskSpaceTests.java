package org.communedx.web.evidence;

import java.nio.file.Path;

import org.communedx.service.CommuneDxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The health check watches the evidence directory's disk against the reserve that uploads keep free. */
class EvidenceDiskSpaceTests {

    @TempDir
    Path directory;

    @Test
    void theHealthIsDownBelowTheReserve() {
        context().withPropertyValues("communedx.evidence.disk-reserve=1000000TB").run(started -> assertThat(
                started.getBean(DiskSpaceHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN));
    }

    @Test
    void theHealthIsUpAboveIt() {
        context().withPropertyValues("communedx.evidence.disk-reserve=1MB").run(started -> assertThat(
                started.getBean(DiskSpaceHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP));
    }

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner().withUserConfiguration(Properties.class, EvidenceDiskSpace.class)
                .withPropertyValues("communedx.evidence.directory=" + directory);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CommuneDxProperties.class)
    static class Properties {
    }
}
