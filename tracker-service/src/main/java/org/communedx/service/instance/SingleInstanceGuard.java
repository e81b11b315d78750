package org.communedx.service.instance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.communedx.service.database.NoExternalDatabaseCondition;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Keeps a second instance of the tracker off an external database that the first cannot share. Two instances share a
 * database safely only when neither keeps state of its own that the other needs: the sessions ({@link SessionStore})
 * and the evidence files ({@code communedx.evidence.local.shared}, or {@code communedx.evidence.store=s3}). Otherwise a
 * login made through one is unknown to the
 * other, and a disabled user keeps working through the instance that did not disable them.
 * <p>
 * So each instance holds a PostgreSQL advisory lock for its whole life, on a connection of its own outside the pool:
 * exclusive when its configuration cannot be shared, shared when it can. A second instance that cannot get its lock
 * stops before anything else starts, within a few seconds, with one line that names the settings to change
 * ({@link InstanceNotShareableException}); instances that can all share hold the shared lock together. The lock is
 * per schema, the application's data being in one: a schema of its own is another application. PostgreSQL lets the
 * lock go when the connection ends, whatever ended it, so a killed instance never leaves it behind.
 * <p>
 * Only with an external database: the embedded one lives in a data directory that only one instance may open (see
 * {@code DataDirectoryCheck}).
 */
public class SingleInstanceGuard implements SmartApplicationListener {

    /** The evidence store's setting, as an environment variable: the operator's word that every instance sees it. */
    static final String EVIDENCE_SHARED_PROPERTY = "communedx.evidence.local.shared";

    /** Which evidence store: {@code s3} is shared by every instance that names the same bucket. */
    static final String EVIDENCE_STORE_PROPERTY = "communedx.evidence.store";

    private static final int LOGIN_TIMEOUT_SECONDS = 3;

    /** The first key of the two-key advisory locks: the tracker's own, so that no other application's clashes. */
    private static final String LOCK_NAME = "commune-dx-tracker";

    private @Nullable Connection held;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ContextClosedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            lock(prepared.getEnvironment());
        }
        else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    private void lock(Environment environment) {
        if (NoExternalDatabaseCondition.holds(environment)) {
            return;
        }
        List<String> unshareable = unshareable(environment);
        String url = environment.getRequiredProperty("spring.datasource.url");
        Properties login = new Properties();
        putIfSet(login, "user", environment.getProperty("spring.datasource.username"));
        putIfSet(login, "password", environment.getProperty("spring.datasource.password"));
        login.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        // Held idle for days: keep-alives keep a firewall from dropping it, and with it the lock.
        login.setProperty("tcpKeepAlive", "true");
        login.setProperty("ApplicationName", LOCK_NAME + " instance lock");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url, login);
            String lock = unshareable.isEmpty() ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
            // A schema the URL names that Flyway has yet to create is no current schema: its search path stands in.
            try (PreparedStatement statement = connection.prepareStatement("select " + lock
                    + "(hashtext(?), hashtext(schema)), schema from (select coalesce(current_schema(), "
                    + "current_setting('search_path')) as schema) as current")) {
                statement.setString(1, LOCK_NAME);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        throw new InstanceNotShareableException(result.getString(2), unshareable);
                    }
                }
            }
            held = connection;
            connection = null;
        }
        catch (SQLException ex) {
            // ExternalDatabaseCheck, just before, has said what it could not reach; anything else is unexpected.
            throw new IllegalStateException("Could not take the tracker's instance lock in PostgreSQL: "
                    + ex.getMessage(), ex);
        }
        finally {
            closeQuietly(connection);
        }
    }

    /** What of this instance's configuration another instance could not share, as the settings to change. */
    static List<String> unshareable(Environment environment) {
        List<String> settings = new ArrayList<>();
        if (!SessionStore.of(environment).shared()) {
            settings.add("sessions are kept in this instance's memory (" + SessionStore.PROPERTY + "=memory)");
        }
        // A bucket is the same for every instance; a directory is shared only on the operator's word.
        if (!"s3".equalsIgnoreCase(environment.getProperty(EVIDENCE_STORE_PROPERTY, "local"))
                && !environment.getProperty(EVIDENCE_SHARED_PROPERTY, Boolean.class, false)) {
            settings.add("the evidence directory is not declared shared (" + EVIDENCE_SHARED_PROPERTY
                    + "=false) and no S3 bucket is used (" + EVIDENCE_STORE_PROPERTY + "=local)");
        }
        return settings;
    }

    private void release() {
        closeQuietly(held);
        held = null;
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // PostgreSQL lets the lock go with the connection, however it ends.
            }
        }
    }

    private static void putIfSet(Properties properties, String name, @Nullable String value) {
        if (value != null) {
            properties.setProperty(name, value);
        }
    }

    /** Another instance runs on the same database and schema, and the two configurations cannot share it. */
    public static final class InstanceNotShareableException extends IllegalStateException {

        InstanceNotShareableException(String schema, List<String> unshareable) {
            super("Another instance of the tracker is using this database (schema \"" + schema + "\"), and "
                    + (unshareable.isEmpty()
                            ? "it runs with sessions in memory or evidence not declared shared, so no second "
                                    + "instance may join it; set " + SessionStore.VARIABLE + "=jdbc (or redis) and "
                                    + "COMMUNEDX_EVIDENCE_LOCAL_SHARED=true on it too, or stop it."
                            : "this one cannot share it: " + String.join(" and ", unshareable) + "; set "
                                    + SessionStore.VARIABLE + "=jdbc (or redis) and COMMUNEDX_EVIDENCE_LOCAL_SHARED=true "
                                    + "(a directory every instance sees) or COMMUNEDX_EVIDENCE_STORE=s3 on every "
                                    + "instance, or stop the other one."));
        }
    }
}
