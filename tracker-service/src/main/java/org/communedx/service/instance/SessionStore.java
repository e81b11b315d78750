package org.communedx.service.instance;

import org.communedx.service.database.NoExternalDatabaseCondition;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Where the login sessions live, as {@code communedx.sessions} says: in this JVM's memory, which suits one machine and
 * needs nothing, in PostgreSQL, where every instance of the tracker that shares the database finds them, or in a Redis
 * server that every instance reaches (only in a jar built with {@code -P redis}). Unset, it follows the database:
 * memory with the embedded one, which no other instance can share, and PostgreSQL with an external one, which several
 * may. The one place that decides, for everything that depends on it: Spring Session, the session registry, the data
 * revision and the single-instance guard.
 */
public enum SessionStore {

    /** Tomcat's sessions, in this JVM: only one instance may use the database (see {@link SingleInstanceGuard}). */
    MEMORY,

    /** Spring Session JDBC, in the tables {@code spring_session} and {@code spring_session_attributes}. */
    JDBC,

    /**
     * Spring Session Data Redis, on the server that Spring Boot's {@code spring.data.redis.*} name, indexed by user
     * name so that a user's sessions can be ended. The data revision stays in PostgreSQL, as with {@link #JDBC}.
     */
    REDIS;

    public static final String PROPERTY = "communedx.sessions";

    /** The setting's name as an environment variable, for the lines that tell an operator what to change. */
    public static final String VARIABLE = "COMMUNEDX_SESSIONS";

    public static SessionStore of(Environment environment) {
        SessionStore configured = environment instanceof ConfigurableEnvironment configurable
                ? Binder.get(configurable).bind(PROPERTY, SessionStore.class).orElse(null)
                : environment.getProperty(PROPERTY, SessionStore.class);
        if (configured != null) {
            return configured;
        }
        return NoExternalDatabaseCondition.holds(environment) ? MEMORY : JDBC;
    }

    /** Whether another instance sharing the database sees these sessions. */
    public boolean shared() {
        return this != MEMORY;
    }
}
