package org.communedx.service.evidence;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence storage settings.
 * @param directory where files live; by default {@code <communedx.data-dir>/evidence}
 * @param maxFileSize the largest file accepted (25 MB); keep {@code spring.servlet.multipart} a little above it
 * @param orphanGrace how old an unreferenced file or a temporary file must be before the sweep removes it
 */
@ConfigurationProperties("communedx.evidence")
public record EvidenceProperties(Path directory, @DefaultValue("25MB") DataSize maxFileSize,
        @DefaultValue("1h") Duration orphanGrace) {
}
