package org.communedx.service.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real GSO files in {@code shared/data} beside the checkout, when they are there. They are never copied
 * into the project; checks and benchmarks that need them read them in place and are skipped elsewhere.
 */
final class ReferenceData {

    private ReferenceData() {
    }

    static Optional<Path> directory() {
        Path here = Path.of("").toAbsolutePath();
        return Stream.iterate(here, path -> path != null, Path::getParent).limit(4)
                .map(path -> path.resolve("../shared/data").normalize())
                .filter(path -> Files.isRegularFile(path.resolve("units-hoabinh-2025-03.csv")))
                .findFirst();
    }

    static boolean present() {
        return directory().isPresent();
    }

    static byte[] read(String file) {
        try {
            return Files.readAllBytes(directory().orElseThrow().resolve(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
