package org.communedx.service.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Tries the external database once before anything else starts. Without it an unreachable server surfaces
 * as a connection-pool stack trace deep inside Flyway; with it the operator reads one line that names the
 * host, port and database (see {@link DatabaseUnreachableException}).
 */
public class ExternalDatabaseCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /**
     * The operator hears of a server that cannot be reached within 5 s of {@code java -jar}; a reachable one answers a
     * login in milliseconds, so 3 s leaves room for a slow network without keeping anyone waiting.
     */
    private static final int LOGIN_TIMEOUT_SECONDS = 3;

    /** The tracker runs on PostgreSQL only. */
    private static final String URL_PREFIX = "jdbc:postgresql:";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            return;
        }
        if (!url.startsWith(URL_PREFIX)) {
            // Otherwise the connection pool refuses it only once the web server starts, as a stack trace.
            throw new DatabaseUrlInvalidException(url);
        }
        // The driver's own settings, not DriverManager's login timeout, which it does not read: a server that takes
        // the connection and never answers would otherwise hold the start for ever.
        Properties login = new Properties();
        putIfSet(login, "user", environment.getProperty("spring.datasource.username"));
        putIfSet(login, "password", environment.getProperty("spring.datasource.password"));
        login.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("socketTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(url, login)) {
            connection.isValid(LOGIN_TIMEOUT_SECONDS);
        }
        catch (SQLException ex) {
            throw new DatabaseUnreachableException(ServerAddress.parse(url), reason(ex), ex);
        }
    }

    private static void putIfSet(Properties properties, String name, String value) {
        if (value != null) {
            properties.setProperty(name, value);
        }
    }

    private static String reason(SQLException ex) {
        String state = ex.getSQLState() == null ? "" : ex.getSQLState();
        if (state.startsWith("28")) {
            return "authentication failed; check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";
        }
        if (state.equals("3D000")) {
            return "the database does not exist";
        }
        if (state.startsWith("08")) {
            return "the server refused the connection or could not be reached";
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Host, port and database of a PostgreSQL JDBC URL; credentials in the URL are never kept. */
    record ServerAddress(String host, int port, String database) {

        static ServerAddress parse(String jdbcUrl) {
            try {
                URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
                String host = uri.getHost() == null ? "localhost" : uri.getHost();
                int port = uri.getPort() == -1 ? 5432 : uri.getPort();
                String path = uri.getPath() == null ? "" : uri.getPath();
                String database = path.startsWith("/") ? path.substring(1) : path;
                return new ServerAddress(host, port, database.isEmpty() ? "(default)" : database);
            }
            catch (IllegalArgumentException ex) {
                return new ServerAddress("(unparseable URL)", 0, "(unknown)");
            }
        }
    }

    /** {@code SPRING_DATASOURCE_URL} is not a PostgreSQL JDBC URL. */
    public static final class DatabaseUrlInvalidException extends IllegalStateException {

        DatabaseUrlInvalidException(String url) {
            // Only the scheme is shown: the rest of a URL may hold a password.
            super("SPRING_DATASOURCE_URL must be a PostgreSQL JDBC URL such as " + URL_PREFIX
                    + "//host:5432/tracker, but it begins with \"" + scheme(url) + "\".");
        }

        private static String scheme(String url) {
            int end = url.indexOf("://");
            String scheme = end < 0 ? url.substring(0, Math.max(0, url.indexOf(':'))) : url.substring(0, end);
            return scheme.length() > 20 ? scheme.substring(0, 20) : scheme;
        }
    }

    /** The external database named by {@code SPRING_DATASOURCE_URL} cannot be used. */
    public static final class DatabaseUnreachableException extends RuntimeException {

        DatabaseUnreachableException(ServerAddress address, String reason, SQLException cause) {
            super("Cannot connect to PostgreSQL at host " + address.host() + ", port " + address.port()
                    + ", database \"" + address.database() + "\": " + reason + ".", cause);
        }
    }
}
