package org.communedx.web.config;

import java.util.Map;

import org.communedx.service.instance.SessionStore;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Sessions in Redis (communedx.sessions=redis), as far as the tracker's own settings go; Spring Boot configures the
 * rest from {@code spring.session.data.redis.*} and {@code spring.data.redis.*}. Two things, as soon as the
 * configuration is read and before any other check (the data directory, the database) is made:
 * <ul>
 * <li>The jar must have been built with Redis ({@code ./mvnw -Predis clean package}): the default one is not, to keep
 * it within its size (docs/performance.md). Without it the start stops at once with one line that says how to build
 * one, rather than running with sessions that no other instance sees.</li>
 * <li>The sessions are indexed by user name ({@code spring.session.data.redis.repository-type=indexed}, which wins
 * over any other value): ending a user's sessions on every instance finds them so, through the session registry
 * ({@link SecurityConfiguration#sessionRegistry}). Spring Session's default Redis repository cannot find them.</li>
 * </ul>
 */
public class RedisSessions implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Spring Session's indexed Redis repository: present only in a jar built with {@code -P redis}. */
    static final String REPOSITORY = "org.springframework.session.data.redis.RedisIndexedSessionRepository";

    static final String REPOSITORY_TYPE = "spring.session.data.redis.repository-type";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (SessionStore.of(environment) != SessionStore.REDIS) {
            return;
        }
        if (!ClassUtils.isPresent(REPOSITORY, event.getSpringApplication().getClassLoader())) {
            throw new RedisNotBuiltException();
        }
        environment.getPropertySources().addFirst(new MapPropertySource("communedxRedisSessions",
                Map.of(REPOSITORY_TYPE, "indexed")));
    }

    /**
     * Just after the logging system starts, which reads application.yml's levels: the one-line report of a failure
     * needs them, or Spring Boot's own report of it follows the line. The other start-up checks come after.
     */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** communedx.sessions=redis in a jar built without Redis. */
    public static final class RedisNotBuiltException extends IllegalStateException {

        RedisNotBuiltException() {
            super(SessionStore.PROPERTY + "=redis, but this jar was built without Redis: build one with "
                    + "./mvnw -Predis clean package, or set " + SessionStore.VARIABLE + "=jdbc to keep the sessions in "
                    + "PostgreSQL.");
        }
    }
}
