package org.communedx.web.evidence;

import org.communedx.service.CommuneDxProperties;

import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health check's disk is the evidence directory's, with the reserve that uploads keep free, instead of Spring
 * Boot's default of the working directory and 10 MB: a disk that filled up used to leave the health UP while every
 * save failed. Under the reserve, {@code /actuator/health} answers DOWN (503).
 */
@Configuration(proxyBeanMethods = false)
class EvidenceDiskSpace {

    /** Named as Spring Boot's own, which it replaces. */
    @Bean
    DiskSpaceHealthIndicator diskSpaceHealthIndicator(CommuneDxProperties properties) {
        return new DiskSpaceHealthIndicator(properties.evidenceDirectory().toFile(),
                properties.evidence().diskReserve());
    }
}
