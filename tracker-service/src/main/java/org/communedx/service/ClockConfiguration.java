package org.communedx.service;

import java.time.Clock;

import org.communedx.service.assessment.ProgressLedger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * Injected, so that deadlines and publication times can be tested at a fixed instant. In Vietnam's zone whatever
     * the server's: a day the tracker reads off it ({@code LocalDate.now(clock)}) is the day in Vietnam, where a
     * server on UTC took a document dated today, before 07:00, for one dated in the future.
     */
    @Bean
    Clock clock() {
        return Clock.system(ProgressLedger.VIETNAM);
    }
}
