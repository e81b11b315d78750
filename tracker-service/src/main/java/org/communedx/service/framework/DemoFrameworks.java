package org.communedx.service.framework;

import java.util.List;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.Actors;
import org.communedx.service.DemoData;
import org.communedx.service.mapping.MappingTransfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's points version, DX-XA 2.0 ({@value #FRAMEWORK}, sample data: DX-XA 1.0's 27 criteria on a 1,000-point
 * scale with partial credit and classes), imported and published, and its mapping from DX-XA 1.0 ({@value #MAPPING}),
 * imported: through the same services and checks as an administrator's files, audited as {@link Actors#SYSTEM}.
 * Before the demo periods, whose 2026 period is on it; only on a first start, with all of it or none of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DemoFrameworks implements ApplicationRunner {

    static final String CODE = "DX-XA";

    static final String VERSION = "2.0";

    static final String FRAMEWORK = "org/communedx/service/framework/demo-dx-xa-2.0.yaml";

    static final String MAPPING = "org/communedx/service/mapping/demo-mapping-dx-xa-1.0-to-2.0.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(DemoFrameworks.class);

    private final DemoData demoData;

    private final FrameworkRepository frameworks;

    private final PeriodRepository periods;

    private final FrameworkTransfer transfer;

    private final FrameworkCatalogue catalogue;

    private final MappingTransfer mappings;

    DemoFrameworks(DemoData demoData, FrameworkRepository frameworks, PeriodRepository periods,
            FrameworkTransfer transfer, FrameworkCatalogue catalogue, MappingTransfer mappings) {
        this.demoData = demoData;
        this.frameworks = frameworks;
        this.periods = periods;
        this.transfer = transfer;
        this.catalogue = catalogue;
        this.mappings = mappings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // A first start has no periods yet; a database that has them keeps the versions it has.
        if (!demoData.enabled() || periods.count() > 0 || frameworks.existsByCodeAndVersion(CODE, VERSION)) {
            return;
        }
        long started = System.nanoTime();
        // The services let only administrators change frameworks and mappings. Nobody is logged in at startup: the
        // seeding acts as an administrator named "system", which is what the audit trail records for it.
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext seeding = SecurityContextHolder.createEmptyContext();
        seeding.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(Actors.SYSTEM, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(seeding);
        try {
            transfer.importDraft(new ClassPathResource(FRAMEWORK), null);
            catalogue.publish(CODE, VERSION);
            mappings.importMapping(new ClassPathResource(MAPPING));
        }
        finally {
            SecurityContextHolder.setContext(before);
        }
        LOG.info("Sample points version for the demo: {} {} and its mapping from 1.0 in {} ms", CODE, VERSION,
                (System.nanoTime() - started) / 1_000_000);
    }
}
