package org.communedx.web.instances;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.communedx.CommuneDxApplication;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the whole application, A and B, on two ports and one PostgreSQL (a server of this test's own,
 * external to both), with the default for an external database: sessions in PostgreSQL. A browser is sent to either,
 * as a load balancer without sticky sessions would: what happens through one must hold through the other at its very
 * next request. And a third instance that would keep its sessions in memory is refused within 5 s, in one line.
 */
class SeveralInstancesIT {

    private static final String PASSWORD = EntryPages.PASSWORD;

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private static EmbeddedPostgres database;

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    @TempDir
    Path workDir;

    @BeforeAll
    static void twoInstances() throws IOException {
        database = EmbeddedPostgres.builder().start();
        // Configured alike, as instances behind one load balancer are: A seeds the demo's units and accounts, and B
        // finds them there (as the embedded database's demo finds them at every start after the first).
        a = start("a");
        b = start("b");
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(CommuneDxApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url(), "--spring.datasource.username=postgres",
                "--communedx.demo-data=true", "--communedx.data-dir=target/instances/" + name,
                // One directory for both, as a network file system mounted on every machine would be.
                "--communedx.evidence.directory=target/instances/evidence", "--communedx.evidence.shared=true");
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
        if (database != null) {
            database.close();
        }
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Test
    void aLoginThroughOneInstanceIsALoginThroughTheOther() {
        WebClient throughA = new WebClient(port(a)).login("xa.yenphu", PASSWORD);
        WebClient throughB = throughA.at(port(b));
        long period = new EntryPages(a.getBean(FrameworkRepository.class), a.getBean(PeriodRepository.class),
                a.getBean(TransactionTemplate.class)).newPeriod();
        String criterion = EntryPages.criterion("05305", period, "G1.C1");

        assertThat(throughB.get("/account").statusCode()).as("logged in on B").isEqualTo(200);
        // A form rendered by A, with A's CSRF token, submitted to B.
        String token = WebClient.csrfToken(throughA.get(criterion));
        HttpResponse<String> saved = throughB.post(criterion + "/value", "_csrf=" + token
                + "&version=0&numerator=18&denominator=20&explanation=" + EntryPages.encode("Theo danh sách"));
        assertThat(saved.statusCode()).as("saved through B").isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        // The entry exists only once the commune's first write stored it: its forms then name it.
        long entry = EntryPages.entryId(throughA, "05305", period, "G1.C1");
        assertThat(throughA.get("/entries/" + entry).body()).as("seen through A").contains("18/20");
    }

    @Test
    void disablingAUserThroughOneInstanceEndsTheirSessionsOnTheOther() {
        long viewer = a.getBean(UserAccountRepository.class).findByUsername("xem.hoabinh").orElseThrow().getId();
        WebClient viewerOnB = new WebClient(port(b)).login("xem.hoabinh", PASSWORD);
        WebClient adminOnA = new WebClient(port(a)).login("admin", PASSWORD);
        assertThat(viewerOnB.get("/units/17/dashboard").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = adminOnA.post("/users/" + viewer + "/disable",
                "_csrf=" + WebClient.csrfToken(adminOnA.get("/users/" + viewer)));
        assertThat(disabled.statusCode()).isEqualTo(302);

        HttpResponse<String> next = viewerOnB.get("/units/17/dashboard");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).as("ended on B").endsWith("/login?ended");
        HttpResponse<String> onA = viewerOnB.at(port(a)).get("/units/17/dashboard");
        assertThat(onA.statusCode()).as("and on A").isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aWriteThroughOneInstanceShowsThroughTheOtherAtOnce() {
        long period = new EntryPages(a.getBean(FrameworkRepository.class), a.getBean(PeriodRepository.class),
                a.getBean(TransactionTemplate.class)).newPeriod();
        WebClient staffOnA = new WebClient(port(a)).login("xa.yenphu", PASSWORD);
        WebClient reviewerOnA = new WebClient(port(a)).login("huyen.lacson", PASSWORD);
        WebClient reviewerOnB = reviewerOnA.at(port(b));
        String scorecard = "/communes/05305/periods/" + period;
        long entry = EntryPages.savePercentFirst(staffOnA, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staffOnA, entry);

        HttpResponse<String> kept = reviewerOnB.get(scorecard);
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        assertThat(reviewerOnB.send(reviewerOnB.request(scorecard).header("Accept", "text/html")
                .header("If-None-Match", etag).build()).statusCode()).as("held while nothing changed").isEqualTo(304);

        assertThat(EntryPages.post(reviewerOnA, entry, "approve", "version=" + EntryPages.version(reviewerOnA, entry))
                .statusCode()).as("approved through A").isEqualTo(302);

        HttpResponse<String> revalidated = reviewerOnB.send(reviewerOnB.request(scorecard)
                .header("Accept", "text/html").header("If-None-Match", etag).build());
        assertThat(revalidated.statusCode()).as("B's ETag no longer holds").isEqualTo(200);
        String onB = withoutTokens(reviewerOnB.get(scorecard).body());
        assertThat(onB).as("B's kept page is not served").isNotEqualTo(withoutTokens(kept.body()))
                .isEqualTo(withoutTokens(reviewerOnA.get(scorecard).body()));
        assertThat(withoutTokens(revalidated.body())).isEqualTo(onB);
    }

    @Test
    void anInstanceWithSessionsInMemoryIsRefusedWithinFiveSecondsInOneLine() throws Exception {
        long started = System.nanoTime();
        ApplicationProcess third = ApplicationProcess.start(workDir, ApplicationProcess.freePort(), Map.of(
                "SPRING_DATASOURCE_URL", url(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "COMMUNEDX_SESSIONS", "memory", "COMMUNEDX_EVIDENCE_SHARED", "true"));

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

    /** The CSRF token differs from request to request (it is masked afresh each time), and from instance to instance. */
    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]+\"", "name=\"_csrf\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\"", "<meta name=\"_csrf\"");
    }
}
