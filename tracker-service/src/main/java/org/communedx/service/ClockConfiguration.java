package org.communedx.service;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Injected, so that deadlines and publication times can be tested at a fixed instant. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
