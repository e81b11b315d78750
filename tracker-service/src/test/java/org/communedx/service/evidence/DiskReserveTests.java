package org.communedx.service.evidence;

import java.io.IOException;
import java.nio.file.Path;

import org.communedx.model.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads stop while the disk still has its reserve free; a reserve larger than any disk shows it. */
class DiskReserveTests {

    @TempDir
    Path directory;

    @Test
    void refusesWhenLessThanTheReserveIsFree() {
        assertThatThrownBy(() -> new DiskReserve(directory, DataSize.ofTerabytes(1_000_000)).require())
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> org.assertj.core.api.Assertions.assertThat(refused.messageKey())
                                .isEqualTo("evidence.refused.diskFull"));
    }

    @Test
    void acceptsWhileTheReserveIsFree() throws IOException {
        assertThatCode(() -> new DiskReserve(directory, DataSize.ofBytes(1)).require()).doesNotThrowAnyException();
    }
}
