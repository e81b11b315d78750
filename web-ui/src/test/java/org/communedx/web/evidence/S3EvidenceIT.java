package org.communedx.web.evidence;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.testsupport.TestDatabaseConfiguration;
import org.communedx.web.support.WebClient;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with its evidence in an S3-compatible bucket (S3Proxy in this JVM): a photograph uploaded
 * over HTTP lands in the bucket under its hash, comes back whole, and its thumbnail is kept in the same bucket; when
 * the server goes away, an upload is refused with a message in the user's language and the entry is unchanged, and a
 * download is answered 503 with a page that says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "communedx.demo-data=true", "communedx.evidence.directory=target/evidence-s3-it",
        "communedx.evidence.store=s3", "communedx.evidence.s3.bucket=" + S3EvidenceIT.BUCKET,
        "communedx.evidence.s3.access-key=access", "communedx.evidence.s3.secret-key=secret",
        "communedx.evidence.s3.prefix=tracker/" })
@Import(TestDatabaseConfiguration.class)
class S3EvidenceIT {

    static final String BUCKET = "evidence-it";

    private static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("access", "secret")
            .withBlobStoreProvider("transient").build();

    private static final Map<String, String> METADATA = Map.of("documentNumber", "16/BC-UBND", "title",
            "Ảnh hiện trường", "issuingBody", "UBND xã Yên Phú", "documentDate", "2026-01-15");

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) throws Exception {
        S3_PROXY.beforeEach(null);
        try (S3Client client = client()) {
            client.createBucket(create -> create.bucket(BUCKET));
        }
        registry.add("communedx.evidence.s3.endpoint", () -> S3_PROXY.getUri().toString());
    }

    private static boolean stopped;

    @AfterAll
    static void stop() {
        if (!stopped) {
            S3_PROXY.afterEach(null);
        }
    }

    static S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(S3_PROXY.getUri().toString()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
    }

    @LocalServerPort
    int port;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    PeriodRepository periods;

    @Autowired
    EvidenceRepository evidence;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void uploadsToTheBucketDownloadsAndThumbnailsThenRefusesClearlyWhenTheServerIsGone() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("xa.yenphu", null, "ROLE_COMMUNE_STAFF"));
        long period = periods.findByName("Năm 2026").orElseThrow().getId();
        long entryId = workflow.open("05305", period).entries().stream()
                .filter(entry -> entry.status().isEditable()).findFirst().orElseThrow().id();
        WebClient staff = new WebClient(port).login("xa.yenphu", "Demo@2025!");
        Map<String, String> fields = new HashMap<>(METADATA);
        fields.put("_csrf", WebClient.csrfToken(staff.get("/account")));
        String upload = "/entries/" + entryId + "/evidence";
        long before = evidence.countByEntryId(entryId);

        byte[] photo = SampleFiles.photo(1600, 1200);
        assertThat(staff.postMultipart(upload, fields, "hien-truong.jpg", photo).statusCode()).isEqualTo(302);
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(before + 1);
        assertThat(staff.get("/entries/" + entryId).body()).contains("Đã tải lên tệp minh chứng.");
        var files = evidence.findByEntryInOrder(entryId);
        var stored = files.get(files.size() - 1);
        String sha256 = stored.getSha256();

        HttpResponse<byte[]> download = staff.download("/evidence/" + stored.getId());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        HttpResponse<byte[]> thumbnail = staff.download("/evidence/" + stored.getId() + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumbnail.body().length).isLessThan(photo.length / 10);
        try (S3Client client = client()) {
            assertThat(client.headObject(head -> head.bucket(BUCKET)
                    .key("tracker/evidence/" + sha256.substring(0, 2) + "/" + sha256)).contentLength())
                    .isEqualTo(photo.length);
            assertThat(client.getObjectAsBytes(get -> get.bucket(BUCKET)
                    .key("tracker/derived/" + sha256 + "/thumb192")).asByteArray()).isEqualTo(thumbnail.body());
        }

        S3_PROXY.afterEach(null);
        stopped = true;
        long withPhoto = evidence.countByEntryId(entryId);
        HttpResponse<String> refused = staff.postMultipart(upload, fields, "bao-cao.pdf", SampleFiles.pdf(2));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/entries/" + entryId));
        assertThat(staff.get("/entries/" + entryId).body()).contains(
                "Kho lưu trữ minh chứng hiện không phản hồi; tệp chưa được lưu và mục vẫn giữ nguyên.");
        assertThat(evidence.countByEntryId(entryId)).isEqualTo(withPhoto);

        HttpResponse<String> unreachable = staff.get("/evidence/" + stored.getId());
        assertThat(unreachable.statusCode()).as("a download while the server is gone").isEqualTo(503);
        assertThat(unreachable.body()).contains("Chưa mở được tệp minh chứng",
                "Kho lưu trữ minh chứng hiện không phản hồi. Tệp vẫn được giữ nguyên");
        assertThat(staff.get("/evidence/" + stored.getId() + "/thumbnail").statusCode()).isEqualTo(503);
    }
}
