package org.communedx.service.evidence;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The local evidence store under the data directory, and the sweep that keeps it in step with the database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
@EnableScheduling
class EvidenceConfiguration {

    @Bean
    LocalEvidenceStore evidenceStore(EvidenceProperties properties,
            @Value("${communedx.data-dir:./data}") Path dataDir) {
        return new LocalEvidenceStore(properties.directory() != null ? properties.directory()
                : dataDir.resolve("evidence"));
    }
}
