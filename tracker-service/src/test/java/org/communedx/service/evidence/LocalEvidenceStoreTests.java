package org.communedx.service.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.communedx.service.evidence.EvidenceStore.Staged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's steps towards durability, in their order, seen through the two methods that force to the disk. */
class LocalEvidenceStoreTests {

    @TempDir
    Path root;

    /**
     * The bytes are forced while the file is still staged, then it is moved under its hash, then the directory that
     * names it is forced (and each directory made for it, in its parent): a row that commits afterwards finds its
     * file after a power cut.
     */
    @Test
    void forcesTheFileThenMovesItThenForcesItsDirectory() throws IOException {
        List<String> steps = new ArrayList<>();
        byte[] content = "Biên bản nghiệm thu".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = EvidenceServiceTests.sha256(content);
        LocalEvidenceStore store = new LocalEvidenceStore(root) {
            @Override
            void force(FileChannel file) throws IOException {
                steps.add("file of " + file.size() + " bytes, stored: " + Files.exists(path(sha256)));
                super.force(file);
            }

            @Override
            void forceDirectory(Path directory) throws IOException {
                steps.add("directory " + root().relativize(directory) + ", stored: " + Files.exists(path(sha256)));
                super.forceDirectory(directory);
            }
        };

        Staged staged = store.stage(new ByteArrayInputStream(content), 1024);
        assertThat(store.store(staged)).isTrue();

        String ab = sha256.substring(0, 2);
        String cd = ab + "/" + sha256.substring(2, 4);
        assertThat(steps).containsExactly("file of " + content.length + " bytes, stored: false",
                "directory , stored: false", "directory " + ab + ", stored: false", "directory " + cd + ", stored: true");
        assertThat(store.path(sha256)).hasBinaryContent(content);
    }
}
