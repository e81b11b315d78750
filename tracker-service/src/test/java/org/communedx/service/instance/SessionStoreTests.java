package org.communedx.service.instance;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions follow the database unless the setting says otherwise, and an instance shares the database only when
 * neither its sessions nor its evidence are its own.
 */
class SessionStoreTests {

    private static final String EXTERNAL = "jdbc:postgresql://db.example:5432/tracker";

    @Test
    void inMemoryWithTheEmbeddedDatabase() {
        assertThat(SessionStore.of(new MockEnvironment())).isEqualTo(SessionStore.MEMORY);
    }

    @Test
    void inPostgresqlWithAnExternalOne() {
        assertThat(SessionStore.of(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)))
                .isEqualTo(SessionStore.JDBC);
    }

    @Test
    void theSettingWinsEitherWay() {
        assertThat(SessionStore.of(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty(SessionStore.PROPERTY, "memory"))).isEqualTo(SessionStore.MEMORY);
        assertThat(SessionStore.of(new MockEnvironment().withProperty(SessionStore.PROPERTY, "jdbc")))
                .isEqualTo(SessionStore.JDBC);
        assertThat(SessionStore.of(new MockEnvironment().withProperty(SessionStore.PROPERTY, "redis")))
                .isEqualTo(SessionStore.REDIS);
    }

    @Test
    void sessionsInPostgresqlOrRedisAreShared() {
        assertThat(SessionStore.MEMORY.shared()).isFalse();
        assertThat(SessionStore.JDBC.shared()).isTrue();
        assertThat(SessionStore.REDIS.shared()).isTrue();

        MockEnvironment redis = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty(SessionStore.PROPERTY, "redis").withProperty("communedx.evidence.local.shared", "true");
        assertThat(SingleInstanceGuard.unshareable(redis)).isEmpty();
    }

    /** The line that refuses a second instance names both ways of sharing the sessions, and stays one line. */
    @Test
    void theRefusalNamesJdbcAndRedis() {
        MockEnvironment memory = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty(SessionStore.PROPERTY, "memory");
        String refusal = new SingleInstanceGuard.InstanceNotShareableException("public",
                SingleInstanceGuard.unshareable(memory)).getMessage();
        assertThat(refusal).contains("COMMUNEDX_SESSIONS=jdbc (or redis)").doesNotContain("\n");
        assertThat(new SingleInstanceGuard.InstanceNotShareableException("public", List.of()).getMessage())
                .contains("COMMUNEDX_SESSIONS=jdbc (or redis)").doesNotContain("\n");
    }

    @Test
    void onlySharedSessionsAndSharedEvidenceShareTheDatabase() {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL);
        assertThat(SingleInstanceGuard.unshareable(external)).singleElement().asString()
                .contains("communedx.evidence.local.shared=false");

        external.setProperty("communedx.evidence.local.shared", "true");
        assertThat(SingleInstanceGuard.unshareable(external)).isEmpty();

        external.setProperty(SessionStore.PROPERTY, "memory");
        assertThat(SingleInstanceGuard.unshareable(external)).singleElement().asString()
                .contains("communedx.sessions=memory");
    }

    /** A bucket is the same for every instance that names it: no word of the operator's is needed. */
    @Test
    void evidenceInS3SharesTheDatabaseWithoutTheSharedDirectory() {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty("communedx.evidence.store", "s3");
        assertThat(SingleInstanceGuard.unshareable(external)).isEmpty();

        external.setProperty("communedx.evidence.store", "local");
        assertThat(SingleInstanceGuard.unshareable(external)).singleElement().asString()
                .contains("communedx.evidence.local.shared=false", "communedx.evidence.store=local");
    }
}
