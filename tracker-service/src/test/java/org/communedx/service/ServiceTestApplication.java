package org.communedx.service;

import org.communedx.service.testsupport.TestDatabaseConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** The services over a real PostgreSQL, without the web: what this module's own Spring tests start. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
@EntityScan("org.communedx.model")
@Import(TestDatabaseConfiguration.class)
public class ServiceTestApplication {
}
