package org.communedx.service.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** A local evidence directory copied into a bucket, verified by hash, and copied again without a second upload. */
class EvidenceMigrationTests {

    @RegisterExtension
    final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("access", "secret")
            .withBlobStoreProvider("transient").build();

    @TempDir
    Path directory;

    S3EvidenceStore bucket;

    LocalEvidenceStore local;

    @BeforeEach
    void stores() {
        S3Client client = EvidenceConfiguration.client(S3EvidenceStoreTests.settings(s3Proxy.getUri()));
        client.createBucket(create -> create.bucket(S3EvidenceStoreTests.BUCKET));
        bucket = new S3EvidenceStore(client, S3EvidenceStoreTests.BUCKET, "tracker/", directory.resolve("staging"),
                S3EvidenceStoreTests.PART);
        local = new LocalEvidenceStore(directory.resolve("evidence"));
    }

    @Test
    void copiesEveryFileAndThumbnailVerifiedThenSkipsWhatIsThere() throws IOException {
        byte[] first = "Biên bản số 1".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Quyết định số 2".getBytes(StandardCharsets.UTF_8);
        String firstSha = store(first);
        String secondSha = store(second);
        local.storeDerived(firstSha, "thumb192", new byte[] {9, 8, 7});
        // A file whose bytes no longer match its name (a disk error, a hand edit): reported, never copied.
        byte[] corrupt = "hỏng".getBytes(StandardCharsets.UTF_8);
        String corruptSha = store(corrupt);
        Files.write(local.path(corruptSha), "đã sửa".getBytes(StandardCharsets.UTF_8));

        EvidenceMigration migration = new EvidenceMigration(local.root(), bucket);
        EvidenceMigration.Result result = migration.migrate();

        assertThat(result).isEqualTo(new EvidenceMigration.Result(2, 0, 1, 1));
        assertThat(read(firstSha)).isEqualTo(first);
        assertThat(read(secondSha)).isEqualTo(second);
        assertThat(bucket.exists(corruptSha)).isFalse();
        assertThat(bucket.readDerived(firstSha, "thumb192")).hasValue(new byte[] {9, 8, 7});

        assertThat(migration.migrate()).as("run again, as after an interruption")
                .isEqualTo(new EvidenceMigration.Result(0, 2, 1, 0));
    }

    private String store(byte[] content) throws IOException {
        EvidenceStore.Staged staged = local.stage(new ByteArrayInputStream(content), 1024);
        local.store(staged);
        return staged.sha256();
    }

    private byte[] read(String sha256) throws IOException {
        try (InputStream in = bucket.open(sha256)) {
            return in.readAllBytes();
        }
    }
}
