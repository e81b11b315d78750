package org.communedx.service.mapping;

import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.job.JobProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Figures for docs/performance.md, not a test: it asserts nothing and is not in the default suite (its name does not
 * end in Tests). Run it with
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=PrefillBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dbench.communes=N} (700 by default, about the largest province before the 2025 reform; at most 900).
 * <p>
 * A province of that many communes on {@link MappingFixtures}' version 1.0, each with a value in all seven criteria
 * and one evidence file, is prefilled by an administrator into a period on version 2.0, as the prefill's job writes
 * it: the time of the check and of the write, and the values written a second.
 */
@SpringBootTest(classes = ServiceTestApplication.class,
        properties = "communedx.evidence.directory=target/evidence-tests")
class PrefillBenchmark {

    @Autowired
    MappingFixtures fixtures;

    @Autowired
    MappingTransfer transfer;

    @Autowired
    Prefill prefill;

    @AfterEach
    void removeTheProvince() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void prefillAProvince() {
        int communes = Integer.getInteger("bench.communes", 700);
        fixtures.ensure();
        loginAs("admin", Role.ADMIN);
        long oldPeriod = fixtures.period("1.0");
        long newPeriod = fixtures.period("2.0");
        long mapping = transfer.importMapping(new ByteArrayResource(MappingFixtures.mappingYaml())).id();
        long loading = System.nanoTime();
        fixtures.communesWithValues(oldPeriod, communes);
        System.out.printf("Prefill benchmark: %d communes with 7 values and a file each loaded in %.1f s%n", communes,
                (System.nanoTime() - loading) / 1e9);

        long checking = System.nanoTime();
        Prefill.Checked checked = prefill.check(mapping, newPeriod);
        long writing = System.nanoTime();
        PrefillResult result = prefill.write(checked, new JobProgress());
        long done = System.nanoTime();

        double seconds = (done - writing) / 1e9;
        System.out.printf("Prefill benchmark: %d communes, %d values, %d files: check %.2f s, write %.1f s"
                + " (%.0f values a second)%n", result.communes(), result.values(), result.files(),
                (writing - checking) / 1e9, seconds, result.values() / seconds);
    }
}
