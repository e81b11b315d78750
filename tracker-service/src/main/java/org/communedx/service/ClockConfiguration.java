package org.communedx.service;

import java.time.Clock;
import java.time.Duration;

import org.communedx.service.assessment.ProgressLedger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * Injected, so that deadlines and publication times can be tested at a fixed instant. In Vietnam's zone whatever
     * the server's: a day the tracker reads off it ({@code LocalDate.now(clock)}) is the day in Vietnam, where a
     * server on UTC took a document dated today, before 07:00, for one dated in the future. It ticks in microseconds,
     * as PostgreSQL keeps times: an instant the tracker answers with when it writes (an entry's lastChangedAt through
     * the API) is the one it reads back later, where a client comparing the two saw a change that never happened.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.system(ProgressLedger.VIETNAM), Duration.ofNanos(1_000));
    }
}
