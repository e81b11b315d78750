package org.communedx.web.packaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's faster start works as written: {@code bin/extract-with-cds.sh} unpacks the packaged jar and records a
 * class data sharing archive by a training start, and the unpacked jar then starts with that archive in use.
 */
@ChildProcessTest
class ClassDataSharingIT {

    @TempDir
    Path workDir;

    @Test
    void theUnpackedJarStartsWithTheArchiveTheScriptRecorded() throws Exception {
        Path unpacked = workDir.resolve("app");
        Path script = Path.of("..", "bin", "extract-with-cds.sh").toAbsolutePath().normalize();
        Process preparation = new ProcessBuilder("bash", script.toString(), ApplicationProcess.jar().toString(),
                unpacked.toString()).redirectErrorStream(true).start();
        String said = new String(preparation.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(preparation.waitFor(TestWait.budget().toMillis(), TimeUnit.MILLISECONDS)).as(said).isTrue();
        assertThat(preparation.exitValue()).as(said).isZero();

        Path archive = unpacked.resolve("application.jsa");
        Path unpackedJar = unpacked.resolve(ApplicationProcess.jar().getFileName());
        assertThat(archive).isNotEmptyFile();
        assertThat(said).contains("-XX:SharedArchiveFile=" + archive, "-jar " + unpackedJar);
        // The training start's scratch database is gone with it; only the jar, its libraries and the archive stay.
        try (var left = Files.list(unpacked)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("application.jsa", "lib", unpackedJar.getFileName().toString());
        }

        try (ApplicationProcess application = ApplicationProcess.startUnpacked(unpackedJar, archive,
                workDir.resolve("run"), ApplicationProcess.freePort())) {
            application.awaitHealthy();
            assertThat(application.output()).doesNotContain("shared archive", "Sharing is only supported");
        }
    }
}
