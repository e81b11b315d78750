package org.communedx.service.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import org.communedx.service.CommuneDxProperties;
import org.communedx.service.evidence.EvidenceStore.Staged;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 store against S3Proxy, an S3-compatible server in this JVM, through the client the application builds. */
class S3EvidenceStoreTests {

    static final String BUCKET = "evidence";

    static final long PART = 5L * 1024 * 1024;

    @RegisterExtension
    final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("access", "secret")
            .withBlobStoreProvider("transient").build();

    @TempDir
    Path staging;

    S3Client client;

    S3EvidenceStore store;

    @BeforeEach
    void bucket() {
        client = EvidenceConfiguration.client(settings(s3Proxy.getUri()));
        client.createBucket(create -> create.bucket(BUCKET));
        store = new S3EvidenceStore(client, BUCKET, "tracker/", staging, PART);
    }

    static CommuneDxProperties.S3 settings(URI endpoint) {
        return new CommuneDxProperties.S3(endpoint, "us-east-1", BUCKET, "access", "secret", "tracker/",
                DataSize.ofBytes(PART));
    }

    @Test
    void storesUnderItsHashAndReadsItBack() throws IOException {
        byte[] content = "Biên bản nghiệm thu".getBytes(StandardCharsets.UTF_8);
        String sha256 = EvidenceServiceTests.sha256(content);

        Staged staged = store.stage(new ByteArrayInputStream(content), 1024);
        assertThat(staged.sha256()).isEqualTo(sha256);
        assertThat(store.exists(sha256)).isFalse();
        assertThat(store.store(staged)).isTrue();

        assertThat(store.exists(sha256)).isTrue();
        assertThat(staged.file()).doesNotExist();
        try (InputStream in = store.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        // The content-addressed key, under the prefix.
        assertThat(client.headObject(head -> head.bucket(BUCKET).key("tracker/evidence/" + sha256.substring(0, 2)
                + "/" + sha256)).contentLength()).isEqualTo(content.length);
    }

    @Test
    void keepsTheObjectThatIsThereAndRenewsItsAge() throws IOException {
        byte[] content = "Quyết định số 12".getBytes(StandardCharsets.UTF_8);
        assertThat(store.store(store.stage(new ByteArrayInputStream(content), 1024))).isTrue();
        String sha256 = EvidenceServiceTests.sha256(content);
        Instant first = client.headObject(head -> head.bucket(BUCKET).key(store.key(sha256))).lastModified();

        Staged again = store.stage(new ByteArrayInputStream(content), 1024);
        assertThat(store.store(again)).isFalse();

        assertThat(again.file()).doesNotExist();
        assertThat(client.headObject(head -> head.bucket(BUCKET).key(store.key(sha256))).lastModified())
                .isAfterOrEqualTo(first);
        try (InputStream in = store.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    /** Above one part: a multipart upload, and what comes back hashes to what went in. */
    @Test
    void uploadsALargeFileInPartsAndReadsBackTheSameBytes() throws IOException {
        Path big = Files.createTempFile(staging, "big", ".bin");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 17; i++) {
                random.nextBytes(block);
                out.write(block);
            }
            out.write(block, 0, 12345);
        }
        Staged staged;
        try (InputStream in = Files.newInputStream(big)) {
            staged = store.stage(in, 64L * 1024 * 1024);
        }
        assertThat(staged.size()).isEqualTo(17L * 1024 * 1024 + 12345);

        assertThat(store.store(staged)).isTrue();

        assertThat(client.headObject(head -> head.bucket(BUCKET).key(store.key(staged.sha256()))).contentLength())
                .isEqualTo(staged.size());
        try (InputStream in = store.open(staged.sha256())) {
            assertThat(sha256(in)).isEqualTo(staged.sha256());
        }
    }

    @Test
    void keepsDerivedCopiesBesideTheirContentAndDeletesThemWithIt() throws IOException {
        byte[] content = "ảnh".getBytes(StandardCharsets.UTF_8);
        String sha256 = EvidenceServiceTests.sha256(content);
        store.store(store.stage(new ByteArrayInputStream(content), 1024));
        assertThat(store.readDerived(sha256, "thumb192")).isEmpty();

        store.storeDerived(sha256, "thumb192", new byte[] {1, 2, 3});

        assertThat(store.readDerived(sha256, "thumb192")).hasValue(new byte[] {1, 2, 3});
        assertThat(client.headObject(head -> head.bucket(BUCKET).key("tracker/derived/" + sha256 + "/thumb192")))
                .isNotNull();
        store.delete(sha256);
        assertThat(store.exists(sha256)).isFalse();
        assertThat(store.readDerived(sha256, "thumb192")).isEmpty();
        assertThatThrownBy(() -> store.open(sha256)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void sweepsUnreferencedOldObjectsWithTheirCopiesAndOldTemporaries() throws IOException {
        byte[] kept = "kept".getBytes(StandardCharsets.UTF_8);
        byte[] orphan = "orphan".getBytes(StandardCharsets.UTF_8);
        String keptSha = EvidenceServiceTests.sha256(kept);
        String orphanSha = EvidenceServiceTests.sha256(orphan);
        store.store(store.stage(new ByteArrayInputStream(kept), 1024));
        store.store(store.stage(new ByteArrayInputStream(orphan), 1024));
        store.storeDerived(keptSha, "thumb192", new byte[] {1});
        store.storeDerived(orphanSha, "thumb192", new byte[] {2});
        Staged inFlight = store.stage(new ByteArrayInputStream(kept), 1024);

        // Nothing is old enough yet: everything stays.
        assertThat(store.sweep(Set.of(keptSha)::contains, Instant.now().minusSeconds(3600))).isZero();
        assertThat(store.exists(orphanSha)).isTrue();

        int removed = store.sweep(Set.of(keptSha)::contains, Instant.now().plusSeconds(60));

        assertThat(removed).isEqualTo(3);
        assertThat(store.exists(keptSha)).isTrue();
        assertThat(store.readDerived(keptSha, "thumb192")).isPresent();
        assertThat(store.exists(orphanSha)).isFalse();
        assertThat(store.readDerived(orphanSha, "thumb192")).isEmpty();
        assertThat(inFlight.file()).doesNotExist();
    }

    /** A server that is not there: the upload fails as the store being unavailable, and leaves nothing behind. */
    @Test
    void aServerThatIsGoneIsUnavailableAndLeavesNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3EvidenceStore gone = new S3EvidenceStore(
                EvidenceConfiguration.client(settings(URI.create("http://127.0.0.1:" + closedPort))), BUCKET,
                "tracker/", staging, PART);
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        Staged staged = gone.stage(new ByteArrayInputStream(content), 1024);

        assertThatThrownBy(() -> gone.store(staged)).isInstanceOf(EvidenceStoreUnavailableException.class);

        assertThat(staged.file()).doesNotExist();
        assertThat(store.exists(staged.sha256())).isFalse();
    }

    /** A server that refuses a multipart upload (no such bucket): nothing is stored, and no upload is left open. */
    @Test
    void aRefusedMultipartUploadLeavesNoObject() throws IOException {
        S3EvidenceStore wrongBucket = new S3EvidenceStore(client, "no-such-bucket", "tracker/", staging, PART);
        byte[] content = new byte[(int) PART + 10];
        new Random(7).nextBytes(content);
        Staged staged = wrongBucket.stage(new ByteArrayInputStream(content), 64L * 1024 * 1024);

        assertThatThrownBy(() -> wrongBucket.store(staged)).isInstanceOf(EvidenceStoreUnavailableException.class);

        assertThat(staged.file()).doesNotExist();
        assertThat(store.exists(staged.sha256())).isFalse();
        assertThat(client.listMultipartUploads(list -> list.bucket(BUCKET)).uploads()).isEmpty();
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = Staging.sha256();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStreamNowhere.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class OutputStreamNowhere extends java.io.OutputStream {

        static final OutputStreamNowhere INSTANCE = new OutputStreamNowhere();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
