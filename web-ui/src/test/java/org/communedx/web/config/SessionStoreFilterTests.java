package org.communedx.web.config;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Each session store gets its own Spring Session module, and only sessions in Redis get a Redis connection. */
class SessionStoreFilterTests {

    private static final String SESSION = "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration";

    private static final String JDBC = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    private static final String SESSION_REDIS =
            "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";

    private static final String DATA_REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

    private static final String REDIS_HEALTH =
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration";

    private static final String JPA = "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

    private static final String[] ALL = { SESSION, JDBC, SESSION_REDIS, DATA_REDIS, REDIS_HEALTH, JPA, null };

    @Test
    void inMemoryLeavesOutSpringSessionAndRedis() {
        assertThat(kept("memory")).containsExactly(JPA);
    }

    @Test
    void inPostgresqlLeavesOutRedis() {
        assertThat(kept("jdbc")).containsExactly(SESSION, JDBC, JPA);
    }

    @Test
    void inRedisLeavesOutSpringSessionJdbc() {
        assertThat(kept("redis")).containsExactly(SESSION, SESSION_REDIS, DATA_REDIS, REDIS_HEALTH, JPA);
    }

    private static List<String> kept(String sessions) {
        SessionStoreFilter filter = new SessionStoreFilter();
        filter.setEnvironment(new MockEnvironment().withProperty("communedx.sessions", sessions));
        boolean[] matches = filter.match(ALL, null);
        assertThat(matches[ALL.length - 1]).as("an empty slot stays").isTrue();
        return IntStream.range(0, ALL.length - 1).filter(i -> matches[i]).mapToObj(i -> ALL[i]).toList();
    }
}
