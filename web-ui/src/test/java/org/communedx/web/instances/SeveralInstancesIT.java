package org.communedx.web.instances;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.communedx.CommuneDxApplication;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.SeverableLink;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.WebClient;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the whole application, A and B, on two ports, one PostgreSQL (a server of this test's own,
 * external to both) and one S3-compatible bucket (S3Proxy, in this JVM), configured as the README's "Several
 * instances" says: sessions in PostgreSQL, evidence in the bucket. A browser is sent to A and B in turn, request after
 * request, as a load balancer without sticky sessions may: what happens through one must hold through the other at
 * its very next request. B reaches the bucket through a link the test can cut, as a network or a server fails. A third
 * instance, the packaged jar in a JVM of its own, is killed with SIGKILL in the middle of an upload; and a fourth that
 * would keep its sessions in memory is refused within 5 s, in one line.
 */
class SeveralInstancesIT {

    private static final String PASSWORD = EntryPages.PASSWORD;

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private static final String BUCKET = "evidence";

    private static final String ACCESS_KEY = "tracker";

    private static final String SECRET_KEY = "tracker-secret";

    /** S3's smallest part: a file over it goes up in parts, as a large scan does. */
    private static final long PART_SIZE = 5L * 1024 * 1024;

    private static final Map<String, String> METADATA = Map.of("documentNumber", "16/BC-UBND", "title",
            "Ảnh hiện trường", "issuingBody", "UBND xã Yên Phú", "documentDate", "2026-01-15");

    private static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withCredentials(ACCESS_KEY, SECRET_KEY).withBlobStoreProvider("transient").build();

    private static EmbeddedPostgres database;

    private static SeverableLink linkOfB;

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    @TempDir
    Path workDir;

    @BeforeAll
    static void twoInstances() throws Exception {
        database = EmbeddedPostgres.builder().start();
        S3_PROXY.beforeEach(null);
        try (S3Client bucket = bucket()) {
            bucket.createBucket(create -> create.bucket(BUCKET));
        }
        linkOfB = SeverableLink.to(S3_PROXY.getUri());
        // Configured alike, as instances behind one load balancer are: A seeds the demo's units and accounts, and B
        // finds them there (as the embedded database's demo finds them at every start after the first).
        a = start("a", S3_PROXY.getUri());
        b = start("b", linkOfB.in(S3_PROXY.getUri()));
    }

    private static ConfigurableApplicationContext start(String name, URI s3) {
        return new SpringApplicationBuilder(CommuneDxApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url(), "--spring.datasource.username=postgres",
                "--communedx.demo-data=true", "--communedx.data-dir=target/instances/" + name,
                "--communedx.evidence.directory=target/instances/" + name + "/evidence",
                "--communedx.evidence.store=s3", "--communedx.evidence.s3.endpoint=" + s3,
                "--communedx.evidence.s3.bucket=" + BUCKET, "--communedx.evidence.s3.access-key=" + ACCESS_KEY,
                "--communedx.evidence.s3.secret-key=" + SECRET_KEY, "--communedx.evidence.s3.part-size=5MB");
    }

    private static String url() {
        return database.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { b, a }) {
            if (instance != null) {
                instance.close();
            }
        }
        if (linkOfB != null) {
            linkOfB.close();
        }
        S3_PROXY.afterEach(null);
        if (database != null) {
            database.close();
        }
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static S3Client bucket() {
        return S3Client.builder().endpointOverride(S3_PROXY.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .build();
    }

    /**
     * Every file and copy in the bucket, by key and size: what any instance could ever serve. (S3Proxy's in-memory
     * backend also lists the parts of an unfinished multipart upload as objects of its own naming, which S3, MinIO
     * and Ceph never show, and which no key of the tracker's can name.)
     */
    private static Map<String, Long> objects() {
        try (S3Client bucket = bucket()) {
            return bucket.listObjectsV2Paginator(list -> list.bucket(BUCKET)).contents().stream()
                    .filter(object -> object.key().startsWith("evidence/") || object.key().startsWith("derived/"))
                    .collect(Collectors.toMap(S3Object::key, S3Object::size));
        }
    }

    private static long newPeriod() {
        return new EntryPages(a.getBean(FrameworkRepository.class), a.getBean(PeriodRepository.class),
                a.getBean(TransactionTemplate.class)).newPeriod();
    }

    /**
     * One commune's day through a load balancer that alternates: no two requests of a browser in a row reach the same
     * instance. The staff log in through A, save through B, upload through A, download the file and its thumbnail
     * through B and submit through B; the reviewer approves through B, and A's scorecard and dashboard show it at
     * their next request.
     */
    @Test
    void aBrowserSentToEachInstanceInTurnWorksThroughAWholeDay() {
        long period = newPeriod();
        String criterion = EntryPages.criterion("05305", period, "G1.C1");
        WebClient staffOnA = new WebClient(port(a));
        WebClient staffOnB = staffOnA.at(port(b));

        login(staffOnB, staffOnA, "xa.yenphu");
        assertThat(staffOnB.get("/account").statusCode()).as("logged in on B").isEqualTo(200);
        String form = staffOnA.get(criterion).body();
        HttpResponse<String> saved = staffOnB.post(criterion + "/value", "_csrf=" + token(form)
                + "&version=0&numerator=18&denominator=20&explanation=" + EntryPages.encode("Theo danh sách"));
        assertThat(saved.statusCode()).as("saved through B with A's form").isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        long entry = EntryPages.entryId(staffOnA, "05305", period, "G1.C1");

        byte[] photo = SampleFiles.photo(1600, 1200);
        Map<String, String> fields = new HashMap<>(METADATA);
        fields.put("_csrf", token(staffOnB.get("/entries/" + entry).body()));
        assertThat(staffOnA.postMultipart("/entries/" + entry + "/evidence", fields, "hien-truong.jpg", photo)
                .statusCode()).as("uploaded through A").isEqualTo(302);
        long file = a.getBean(EvidenceRepository.class).findByEntryInOrder(entry).get(0).getId();
        HttpResponse<byte[]> download = staffOnB.download("/evidence/" + file);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).as("the file, whole, through B").isEqualTo(photo);
        assertThat(staffOnA.get("/entries/" + entry).body()).as("listed through A").contains("hien-truong");
        HttpResponse<byte[]> thumbnail = staffOnB.download("/evidence/" + file + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumbnail.body().length).as("a thumbnail, through B").isLessThan(photo.length / 10);
        assertThat(objects().keySet()).as("the file and its thumbnail in the one bucket")
                .anyMatch(key -> key.startsWith("evidence/")).anyMatch(key -> key.startsWith("derived/"));
        String entryPage = staffOnA.get("/entries/" + entry).body();
        HttpResponse<String> submitted = staffOnB.post("/entries/" + entry + "/submit", "_csrf=" + token(entryPage)
                + "&version=" + version(entryPage));
        assertThat(submitted.statusCode()).as("submitted through B").isEqualTo(302);
        assertThat(staffOnA.get("/entries/" + entry).body()).as("seen through A").contains("Đã gửi duyệt.");

        WebClient reviewerOnA = new WebClient(port(a));
        WebClient reviewerOnB = reviewerOnA.at(port(b));
        login(reviewerOnB, reviewerOnA, "huyen.lacson");
        String scorecard = "/communes/05305/periods/" + period;
        String dashboard = "/units/157/dashboard?period=" + period;
        HttpResponse<String> kept = reviewerOnB.get(scorecard);
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        assertThat(revalidate(reviewerOnA, scorecard, etag).statusCode()).as("A holds B's page while nothing changed")
                .isEqualTo(304);
        assertThat(reviewerOnB.get("/account").statusCode()).isEqualTo(200);
        assertThat(averageOn(reviewerOnA.get(dashboard).body())).as("A's dashboard, kept").isEqualTo("0,0%");
        assertThat(reviewerOnB.get("/account").statusCode()).isEqualTo(200);
        String reviewPage = reviewerOnA.get("/entries/" + entry).body();
        HttpResponse<String> approved = reviewerOnB.post("/entries/" + entry + "/approve", "_csrf="
                + token(reviewPage) + "&version=" + version(reviewPage));
        assertThat(approved.statusCode()).as("approved through B").isEqualTo(302);

        HttpResponse<String> revalidated = revalidate(reviewerOnA, scorecard, etag);
        assertThat(revalidated.statusCode()).as("the ETag no longer holds on A").isEqualTo(200);
        assertThat(withoutTokens(revalidated.body())).as("A's scorecard shows the approval")
                .isNotEqualTo(withoutTokens(kept.body())).contains("Đã duyệt");
        assertThat(reviewerOnB.get(scorecard).body()).as("and B's").contains("Đã duyệt");
        assertThat(averageOn(reviewerOnA.get(dashboard).body())).as("one of 24 communes at 25%, on A's dashboard")
                .isEqualTo("1,0%");
    }

    /**
     * The audit trail's file, longer than a response's buffer: the response commits while a read-only transaction
     * streams it, and Spring Session then writes the session. It did so on that transaction's connection and was
     * refused, a 500.
     */
    @Test
    void theAuditTrailIsExportedWhileSessionsAreInPostgresql() {
        WebClient admin = new WebClient(port(a));
        login(admin, admin, "admin");
        HttpResponse<byte[]> csv = admin.download("/audit.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().length).as("more than the response's buffer").isGreaterThan(16 * 1024);
        assertThat(admin.get("/account").statusCode()).as("the session still holds").isEqualTo(200);
    }

    /**
     * Changing one's own password keeps the session it was changed in, through either instance, and ends the others.
     * With sessions in PostgreSQL the session's new id was stored only once the request ended, after the others
     * were ended by name: it ended itself, and the user was sent to the login page.
     */
    @Test
    void changingOnesPasswordKeepsThatSessionAndEndsTheOthers() {
        String username = new TestAccounts(a.getBean(UserAccountRepository.class), a.getBean(PasswordEncoder.class))
                .create("own", PASSWORD);
        WebClient onA = new WebClient(port(a));
        login(onA, onA, username);
        WebClient elsewhere = new WebClient(port(b));
        login(elsewhere, elsewhere, username);

        String chosen = EntryPages.encode("Mật khẩu mới của tôi 2026");
        HttpResponse<String> changed = onA.post("/account/password", "currentPassword=" + EntryPages.encode(PASSWORD)
                + "&newPassword=" + chosen + "&confirmPassword=" + chosen + "&_csrf=" + token(onA.get("/account/password").body()));
        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/account"));
        assertThat(onA.get("/account").body()).as("still logged in where it was changed").contains("Đã đổi mật khẩu");
        assertThat(onA.at(port(b)).get("/account").statusCode()).as("that session through B too").isEqualTo(200);
        assertThat(elsewhere.get("/account").headers().firstValue("Location")).as("the other session ended")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
    }

    /**
     * A one-time password is written nowhere but on its page: not in the session, which is a row of PostgreSQL here
     * (it went to the next page as a flash attribute, stored in {@code spring_session_attributes} meanwhile).
     */
    @Test
    void aResetPasswordIsNeverWrittenToTheSessionTable() {
        String username = new TestAccounts(a.getBean(UserAccountRepository.class), a.getBean(PasswordEncoder.class))
                .create("otp", PASSWORD);
        long id = a.getBean(UserAccountRepository.class).findByUsername(username).orElseThrow().getId();
        WebClient admin = new WebClient(port(a));
        login(admin, admin, "admin");

        HttpResponse<String> reset = admin.post("/users/" + id + "/password",
                "_csrf=" + token(admin.get("/users/" + id + "/password").body()));
        Matcher issued = Pattern.compile("id=\"issued-password\">([^<]+)<").matcher(reset.body());
        assertThat(issued.find()).as("the password on the answer").isTrue();
        // The request after it: the reset's session is saved by then.
        assertThat(admin.get("/account").statusCode()).isEqualTo(200);

        List<byte[]> sessions = a.getBean(JdbcTemplate.class)
                .queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
        assertThat(sessions).isNotEmpty().noneMatch(bytes ->
                new String(bytes, StandardCharsets.ISO_8859_1).contains(issued.group(1)));
    }

    /** The login form from one instance, sent to the other. */
    private static void login(WebClient form, WebClient send, String username) {
        HttpResponse<String> login = send.post("/login", "username=" + username + "&password="
                + EntryPages.encode(PASSWORD) + "&_csrf=" + token(form.get("/login").body()));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as(username + " logged in")
                .doesNotContain("/login");
    }

    @Test
    void disablingAUserThroughOneInstanceEndsTheirSessionsOnTheOther() {
        long viewer = a.getBean(UserAccountRepository.class).findByUsername("xem.hoabinh").orElseThrow().getId();
        WebClient viewerOnB = new WebClient(port(b)).login("xem.hoabinh", PASSWORD);
        WebClient adminOnA = new WebClient(port(a)).login("admin", PASSWORD);
        assertThat(viewerOnB.get("/units/17/dashboard").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = adminOnA.post("/users/" + viewer + "/disable",
                "_csrf=" + WebClient.csrfToken(adminOnA.at(port(b)).get("/users/" + viewer)));
        assertThat(disabled.statusCode()).isEqualTo(302);

        HttpResponse<String> next = viewerOnB.get("/units/17/dashboard");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).as("ended on B").endsWith("/login?ended");
        HttpResponse<String> onA = viewerOnB.at(port(a)).get("/units/17/dashboard");
        assertThat(onA.statusCode()).as("and on A").isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElse("")).contains("/login");
    }

    /**
     * The third instance dies by SIGKILL with 4 MB of a 20 MB scan received; the browser, sent to A next, finds its
     * session, the entry as it was, and nothing new in the bucket: no object half stored, visible to anyone.
     */
    @Test
    void aKillDuringAnUploadLeavesTheOthersServingAndNoHalfStoredObject() throws Exception {
        long period = newPeriod();
        WebClient staffOnA = new WebClient(port(a)).login("xa.yenphu", PASSWORD);
        Path dataOfC = workDir.resolve("c");
        int portOfC = ApplicationProcess.freePort();
        try (ApplicationProcess c = ApplicationProcess.start(workDir, portOfC, Map.of("SPRING_DATASOURCE_URL", url(),
                "SPRING_DATASOURCE_USERNAME", "postgres", "COMMUNEDX_DATA_DIR", dataOfC.toString(),
                "COMMUNEDX_EVIDENCE_STORE", "s3", "COMMUNEDX_EVIDENCE_S3_ENDPOINT", S3_PROXY.getUri().toString(),
                "COMMUNEDX_EVIDENCE_S3_BUCKET", BUCKET, "COMMUNEDX_EVIDENCE_S3_ACCESSKEY", ACCESS_KEY,
                "COMMUNEDX_EVIDENCE_S3_SECRETKEY", SECRET_KEY)).awaitHealthy()) {
            long entry = EntryPages.saveFirst(staffOnA, "05305", period, "G1.C2", "level=3");
            Map<String, Long> before = objects();
            String token = WebClient.csrfToken(staffOnA.get("/entries/" + entry));
            CountDownLatch received = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> upload = stalledUpload(staffOnA, portOfC, entry, token,
                    received, killed);
            assertThat(received.await(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS)).as("4 MB sent to C")
                    .isTrue();
            Path uploads = dataOfC.resolve("tomcat/uploads");
            Awaitility.await().atMost(TestWait.part(5)).until(() -> filesIn(uploads) > 0);

            c.kill();
            killed.countDown();

            assertThat(upload).failsWithin(TestWait.part(10));
            assertThat(staffOnA.get("/entries/" + entry).body()).as("A serves the same browser")
                    .contains("Chưa có tệp minh chứng.");
            assertThat(a.getBean(EvidenceRepository.class).countByEntryId(entry)).isZero();
            assertThat(staffOnA.at(port(b)).get("/communes/05305/periods/" + period).statusCode()).isEqualTo(200);
            assertThat(objects()).as("nothing new in the bucket").isEqualTo(before);
        }
    }

    /**
     * B's link to the bucket goes down with 1 MB of a 12 MB file's second part sent: the user is told, in Vietnamese,
     * that the file was not saved, the entry keeps its files, and the bucket shows no object of it. Once the link is
     * back, the same upload goes through.
     */
    @Test
    void anS3ServerThatVanishesMidUploadLeavesTheEntryAsItWas() {
        long period = newPeriod();
        WebClient staffOnA = new WebClient(port(a)).login("xa.yenphu", PASSWORD);
        WebClient staffOnB = staffOnA.at(port(b));
        long entry = EntryPages.saveFirst(staffOnA, "05305", period, "G1.C2", "level=3");
        Map<String, String> fields = new HashMap<>(METADATA);
        fields.put("_csrf", WebClient.csrfToken(staffOnA.get("/entries/" + entry)));
        Map<String, Long> before = objects();
        long size = 12L * 1024 * 1024;

        linkOfB.severAfter(PART_SIZE + 1024 * 1024);
        HttpResponse<String> refused = staffOnB.postMultipart("/entries/" + entry + "/evidence", fields, "quet.pdf",
                SampleFiles.largePdf(size));

        assertThat(linkOfB.severed()).as("cut in the middle of the upload").isTrue();
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/entries/" + entry));
        String page = staffOnB.get("/entries/" + entry).body();
        assertThat(page).contains("Kho lưu trữ minh chứng hiện không phản hồi; tệp chưa được lưu và mục vẫn giữ nguyên.",
                "Chưa có tệp minh chứng.");
        assertThat(a.getBean(EvidenceRepository.class).countByEntryId(entry)).isZero();
        assertThat(objects()).as("no object of the file in the bucket").isEqualTo(before);

        linkOfB.restore();
        fields.put("_csrf", WebClient.csrfToken(staffOnA.get("/entries/" + entry)));
        assertThat(staffOnB.postMultipart("/entries/" + entry + "/evidence", fields, "quet.pdf",
                SampleFiles.largePdf(size)).statusCode()).isEqualTo(302);
        assertThat(a.getBean(EvidenceRepository.class).countByEntryId(entry)).as("once the link is back").isOne();
        assertThat(objects().values()).contains(size);
    }

    @Test
    void anInstanceWithSessionsInMemoryIsRefusedWithinFiveSecondsInOneLine() throws Exception {
        long started = System.nanoTime();
        ApplicationProcess third = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", url(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "COMMUNEDX_SESSIONS", "memory", "COMMUNEDX_EVIDENCE_LOCAL_SHARED", "true"));

        assertThat(third.awaitExit()).isNotZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(TestWait.target(PROMPTLY));
        String output = third.output();
        List<String> lines = output.lines().filter(line -> line.startsWith("Commune DX Tracker could not start"))
                .toList();
        assertThat(lines).singleElement().asString().contains("Another instance of the tracker is using this database",
                "communedx.sessions=memory", "COMMUNEDX_SESSIONS=jdbc").doesNotContain("evidence directory is not");
        assertThat(output).doesNotContain("\tat ", "APPLICATION FAILED TO START");
        assertThat(port(a)).as("the two that share keep running").isPositive();
        assertThat(new WebClient(port(b)).get("/login").statusCode()).isEqualTo(200);
    }

    /**
     * Spring Data Redis is on the tests' class path (and in a jar built with -P redis), but with sessions in
     * PostgreSQL nothing connects to Redis, and the health check asks no Redis server.
     */
    @Test
    void noRedisWithSessionsInPostgresql() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
            assertThat(instance.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
            assertThat(instance.containsBean("redisHealthContributor")).isFalse();
            assertThat(instance.containsBean("springSessionTransactionOperations")).isTrue();
        }
    }

    private static HttpResponse<String> revalidate(WebClient client, String path, String etag) {
        return client.send(client.request(path).header("Accept", "text/html").header("If-None-Match", etag).build());
    }

    private static String token(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a form").isTrue();
        return matcher.group(1);
    }

    private static String version(String page) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(matcher.find()).as("a form with the version").isTrue();
        return matcher.group(1);
    }

    private static String averageOn(String dashboard) {
        Matcher matcher = Pattern.compile("id=\"figure-average\">\\s*([^<]+?)\\s*</dd>").matcher(dashboard);
        assertThat(matcher.find()).as("the average on the dashboard").isTrue();
        return matcher.group(1);
    }

    /** The CSRF token differs from request to request (it is masked afresh each time), and from instance to instance. */
    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]+\"", "name=\"_csrf\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\"", "<meta name=\"_csrf\"");
    }

    private static long filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    /**
     * A 20 MB PDF sent to the instance on {@code port} with the browser's session, that stops after its first 4 MB and
     * waits there until that instance is killed, so that the kill lands while the file is still arriving.
     */
    private static CompletableFuture<HttpResponse<String>> stalledUpload(WebClient staff, int port, long entry,
            String token, CountDownLatch received, CountDownLatch killed) {
        String boundary = "----crash" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream scan = SampleFiles.largePdf(20_000_000);
        long stallAt = 4_000_000;
        InputStream body = new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (position < head.length) {
                    int count = Math.min(length, head.length - (int) position);
                    System.arraycopy(head, (int) position, buffer, offset, count);
                    position += count;
                    return count;
                }
                if (position >= stallAt) {
                    received.countDown();
                    awaitKill();
                }
                int count = scan.read(buffer, offset, Math.min(length, 64 * 1024));
                position += Math.max(count, 0);
                return count;
            }

            private void awaitKill() {
                try {
                    killed.await(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        String session = staff.cookie("SESSION").orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/entries/" + entry
                + "/evidence?_csrf=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
