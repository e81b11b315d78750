package org.communedx.service.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.communedx.service.ServiceTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The services with import limits small enough for a test to pass them with a few lines. Every test of the limits
 * uses exactly this, so Spring starts one more context for all of them, not one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ServiceTestApplication.class, properties = { "communedx.imports.units.max-file-size=16KB",
        "communedx.imports.units.max-rows=5", "communedx.imports.users.max-file-size=1KB",
        "communedx.imports.users.max-rows=2", "communedx.imports.frameworks.max-file-size=64KB",
        "communedx.imports.frameworks.max-rows=10", "communedx.imports.max-cell-length=100" })
public @interface SmallImportLimits {
}
