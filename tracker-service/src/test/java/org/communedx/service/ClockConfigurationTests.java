package org.communedx.service;

import java.time.LocalDate;

import org.communedx.service.assessment.ProgressLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker's days are Vietnam's, on a server whose own zone is UTC as much as on one set to Vietnam. */
class ClockConfigurationTests {

    @Test
    void theClocksDayIsVietnamsWhateverTheServersZone() {
        var clock = new ClockConfiguration().clock();

        // Between 00:00 and 07:00 in Vietnam it is still yesterday in UTC: the day read off the clock is Vietnam's.
        assertThat(clock.getZone()).isEqualTo(ProgressLedger.VIETNAM);
        assertThat(LocalDate.now(clock)).isEqualTo(clock.instant().atZone(ProgressLedger.VIETNAM).toLocalDate());
    }
}
