package org.communedx.service.evidence;

import org.communedx.service.CommuneDxProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The local evidence store under the data directory, and the sweep that keeps it in step with the database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvidenceConfiguration {

    @Bean
    LocalEvidenceStore evidenceStore(CommuneDxProperties properties) {
        return new LocalEvidenceStore(properties.evidenceDirectory());
    }

    @Bean
    DiskReserve evidenceDiskReserve(CommuneDxProperties properties, LocalEvidenceStore store) {
        return new DiskReserve(store.root(), properties.evidence().diskReserve());
    }
}
