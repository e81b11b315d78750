package org.communedx.web.config;

import org.communedx.web.config.RedisSessions.RedisNotBuiltException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Sessions in Redis are indexed by user name, and need a jar built with Redis. */
class RedisSessionsTests {

    @Test
    void sessionsInRedisAreIndexedByUserNameWhateverElseWasSet() {
        MockEnvironment environment = new MockEnvironment().withProperty("communedx.sessions", "redis")
                .withProperty(RedisSessions.REPOSITORY_TYPE, "default");

        new RedisSessions().onApplicationEvent(prepared(new SpringApplication(), environment));

        assertThat(environment.getProperty(RedisSessions.REPOSITORY_TYPE)).isEqualTo("indexed");
    }

    @Test
    void otherSessionsAreLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("communedx.sessions", "jdbc");

        new RedisSessions().onApplicationEvent(prepared(withoutRedis(), environment));

        assertThat(environment.containsProperty(RedisSessions.REPOSITORY_TYPE)).isFalse();
    }

    @Test
    void sessionsInRedisWithoutRedisInTheJarStopTheStartNamingTheBuild() {
        MockEnvironment environment = new MockEnvironment().withProperty("communedx.sessions", "redis");

        assertThatExceptionOfType(RedisNotBuiltException.class)
                .isThrownBy(() -> new RedisSessions().onApplicationEvent(prepared(withoutRedis(), environment)))
                .withMessageContaining("./mvnw -Predis clean package").withMessageNotContaining("\n");
    }

    private static ApplicationEnvironmentPreparedEvent prepared(SpringApplication application,
            MockEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
                environment);
    }

    /** An application whose class loader has no Spring Session Data Redis, as in the default jar. */
    private static SpringApplication withoutRedis() {
        ClassLoader parent = RedisSessionsTests.class.getClassLoader();
        ClassLoader withoutRedis = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.springframework.session.data.redis.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new DefaultResourceLoader(withoutRedis));
        return application;
    }
}
