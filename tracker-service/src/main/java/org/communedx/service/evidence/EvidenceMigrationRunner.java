package org.communedx.service.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --communedx.evidence.migrate-to-s3=true}, with {@code communedx.evidence.store=s3}: copies the local
 * evidence directory into the bucket ({@link EvidenceMigration}), records the counts in the audit log, and exits,
 * 0 when every file is in the bucket and verified, 1 otherwise. Run it with the tracker stopped (the instance guard
 * keeps it off a database that an unshareable instance uses), then start the tracker with the same settings.
 */
@Component
@ConditionalOnProperty(name = EvidenceMigrationRunner.PROPERTY, havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidenceMigrationRunner implements ApplicationRunner {

    static final String PROPERTY = "communedx.evidence.migrate-to-s3";

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceMigrationRunner.class);

    private final CommuneDxProperties properties;

    private final EvidenceStore store;

    private final AuditLog audit;

    private final ConfigurableApplicationContext context;

    EvidenceMigrationRunner(CommuneDxProperties properties, EvidenceStore store, AuditLog audit,
            ConfigurableApplicationContext context) {
        this.properties = properties;
        this.store = store;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!(store instanceof S3EvidenceStore s3)) {
            throw new IllegalStateException(PROPERTY + " copies the evidence directory into the S3 store: set "
                    + "communedx.evidence.store=s3 and communedx.evidence.s3.* (COMMUNEDX_EVIDENCE_STORE=s3, "
                    + "COMMUNEDX_EVIDENCE_S3_BUCKET, ...) too");
        }
        LOG.info("Migrating the evidence in {} to the S3 bucket {}", properties.evidenceDirectory(),
                properties.evidence().s3().bucket());
        EvidenceMigration.Result result = new EvidenceMigration(properties.evidenceDirectory().toRealPath(), s3)
                .migrate();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("bucket", properties.evidence().s3().bucket());
        counts.put("copied", result.copied());
        counts.put("alreadyThere", result.alreadyThere());
        counts.put("failed", result.failed());
        counts.put("derivedCopied", result.derivedCopied());
        audit.record("EVIDENCE_STORE", "s3", "MIGRATE_TO_S3", null, counts);
        LOG.info("Evidence migration to S3: {} copied, {} already there, {} failed, {} thumbnails copied; all "
                + "verified by SHA-256", result.copied(), result.alreadyThere(), result.failed(),
                result.derivedCopied());
        int code = result.failed() == 0 ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
