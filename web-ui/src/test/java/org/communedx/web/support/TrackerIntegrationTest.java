package org.communedx.web.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.communedx.service.testsupport.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port over a real PostgreSQL. Every full-application test uses exactly
 * this, so Spring starts one context for the suite. That one context keeps every test's finished background jobs for
 * {@code communedx.jobs.keep-results}, so its limit of kept jobs is raised: one test's imports must not refuse the
 * next test's (BackgroundJobsTests proves the limit itself).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "communedx.demo-data=true",
        "communedx.evidence.directory=target/evidence-it", "communedx.jobs.max-kept=500" })
@Import(TestDatabaseConfiguration.class)
public @interface TrackerIntegrationTest {
}
