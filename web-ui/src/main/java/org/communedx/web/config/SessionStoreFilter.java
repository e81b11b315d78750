package org.communedx.web.config;

import org.communedx.service.instance.SessionStore;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out of the application the Spring Session modules that {@link SessionStore} does not choose: Spring Boot
 * configures each whenever it is on the class path, and has no setting to say no. With sessions in memory that is
 * Spring Session altogether: the sessions are then Tomcat's, as they were before Spring Session was added, and the
 * embedded default needs nothing more than it did. Redis (its session module and Spring Data Redis under it) is left
 * out unless the sessions are there: nothing then connects to a Redis server, and the health check asks none, even in
 * a jar built with Redis (or in the tests, which have it on their class path). With sessions in Redis, Spring
 * Session JDBC is left out.
 */
public class SessionStoreFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String SPRING_SESSION = "org.springframework.boot.session.";

    private static final String SPRING_SESSION_JDBC = "org.springframework.boot.session.jdbc.";

    private static final String SPRING_SESSION_REDIS = "org.springframework.boot.session.data.redis.";

    private static final String SPRING_DATA_REDIS = "org.springframework.boot.data.redis.";

    private SessionStore store = SessionStore.MEMORY;

    @Override
    public void setEnvironment(Environment environment) {
        store = SessionStore.of(environment);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null || !leftOut(candidate);
        }
        return matches;
    }

    private boolean leftOut(String autoConfiguration) {
        if (autoConfiguration.startsWith(SPRING_DATA_REDIS) || autoConfiguration.startsWith(SPRING_SESSION_REDIS)) {
            return store != SessionStore.REDIS;
        }
        if (autoConfiguration.startsWith(SPRING_SESSION_JDBC)) {
            return store != SessionStore.JDBC;
        }
        return autoConfiguration.startsWith(SPRING_SESSION) && !store.shared();
    }
}
