package org.communedx.web.instances;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.communedx.CommuneDxApplication;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SeveralInstancesIT} with the sessions in Redis (communedx.sessions=redis) instead of PostgreSQL: two instances
 * of the whole application on one PostgreSQL and the Redis server at 127.0.0.1:6379, under a namespace of this run's
 * own, whose keys are deleted afterwards. Skipped only where no Redis server answers a PING there.
 */
class RedisSessionsIT {

    private static final String PASSWORD = EntryPages.PASSWORD;

    private static final String HOST = "127.0.0.1";

    private static final int PORT = 6379;

    private static final String NAMESPACE = "communedx-test:" + UUID.randomUUID();

    private static EmbeddedPostgres database;

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void twoInstances() throws IOException {
        Assumptions.assumeTrue(redisAnswers(), "No Redis server answers a PING at " + HOST + ":" + PORT);
        database = EmbeddedPostgres.builder().start();
        a = start("a");
        b = start("b");
    }

    private static boolean redisAnswers() {
        try (Jedis redis = redis()) {
            return "PONG".equals(redis.ping());
        }
        catch (RuntimeException unreachable) {
            return false;
        }
    }

    private static Jedis redis() {
        return new Jedis(HOST, PORT, (int) TestWait.part(10).toMillis());
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(CommuneDxApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--communedx.demo-data=true",
                "--communedx.data-dir=target/instances-redis/" + name,
                "--communedx.evidence.directory=target/instances-redis/evidence", "--communedx.evidence.local.shared=true",
                "--communedx.sessions=redis", "--spring.data.redis.host=" + HOST, "--spring.data.redis.port=" + PORT,
                "--spring.session.data.redis.namespace=" + NAMESPACE);
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
        if (a != null) {
            try (Jedis redis = redis()) {
                Set<String> keys = redis.keys(NAMESPACE + ":*");
                if (!keys.isEmpty()) {
                    redis.del(keys.toArray(String[]::new));
                }
                assertThat(redis.keys(NAMESPACE + ":*")).as("this run's keys deleted").isEmpty();
            }
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
        long entry = EntryPages.entryId(throughA, "05305", period, "G1.C1");
        assertThat(throughA.get("/entries/" + entry).body()).as("seen through A").contains("18/20");

        // The sessions are in Redis, under this run's namespace, and none in PostgreSQL.
        try (Jedis redis = redis()) {
            assertThat(redis.keys(NAMESPACE + ":sessions:*")).as("sessions in Redis").isNotEmpty();
            assertThat(redis.keys(NAMESPACE + ":index:*")).as("indexed by user name").isNotEmpty();
        }
        assertThat(a.getBean(JdbcTemplate.class).queryForObject("select count(*) from spring_session", Long.class))
                .as("sessions in PostgreSQL").isZero();
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
    }

    /** Indexed by user name (ending a user's sessions needs it), and none of Spring Session JDBC's beans. */
    @Test
    void theSessionsAreSpringSessionsIndexedRepositoryInRedis() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
            assertThat(instance.getBean(FindByIndexNameSessionRepository.class))
                    .isInstanceOf(RedisIndexedSessionRepository.class);
            assertThat(instance.containsBean("springSessionTransactionOperations")).isFalse();
        }
    }

    @Test
    void theHealthCheckIsUpWithRedis() {
        WebClient anyone = new WebClient(port(b));
        for (String probe : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
            HttpResponse<String> health = anyone.send(anyone.request(probe).header("Accept", "application/json")
                    .build());
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"UP\"");
        }
    }

    /** The CSRF token differs from request to request (it is masked afresh each time), and from instance to instance. */
    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]+\"", "name=\"_csrf\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\"", "<meta name=\"_csrf\"");
    }
}
