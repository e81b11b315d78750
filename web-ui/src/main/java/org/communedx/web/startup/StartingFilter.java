package org.communedx.web.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.communedx.service.database.DatabaseServer;
import org.communedx.service.database.DatabaseState;
import org.communedx.web.config.ApiPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers every request with 503 until the application is ready, that is until its start-up work (the demo's
 * sample data on a first start) is done, and again while the embedded database restarts after it died
 * ({@link DatabaseState#RESTARTING}), or when a request fails because the database connection did: a page in the
 * visitor's language that reloads itself, or a JSON body for the API, both with {@code Retry-After}. While the
 * database restarts it answers at once, where a request that went on would wait for the connection pool's timeout. It stands before Spring Security, so that no login is tried, and none counted towards a
 * lockout, against accounts that are still being written or cannot be read. Only {@code /actuator/health} passes, to
 * say OUT_OF_SERVICE or DOWN meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StartingFilter extends OncePerRequestFilter {

    static final int RETRY_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(StartingFilter.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationAvailability availability;

    private final ITemplateEngine templates;

    private final MessageSource messages;

    private final LocaleResolver locales;

    /** The embedded server, or none for an external database, whose state the application cannot see. */
    private final DatabaseServer server;

    StartingFilter(ApplicationAvailability availability, ITemplateEngine templates, MessageSource messages,
            LocaleResolver locales, ObjectProvider<DatabaseServer> server) {
        this.availability = availability;
        this.server = server.getIfAvailable(() -> () -> false);
        this.templates = templates;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return path(request).startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        if (!ready || availability.getState(DatabaseState.class, DatabaseState.SERVING) != DatabaseState.SERVING) {
            unavailable(request, response, ready ? "startup.database" : "startup.starting");
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | RuntimeException ex) {
            // A request that met the database's death before the watchdog did, or an external database that is down:
            // the same answer, instead of an error page.
            if (!(lostDatabase(ex) || server.isDown()) || response.isCommitted()) {
                throw ex;
            }
            log.warn("Answering {} with 503: the database connection failed ({})", path(request),
                    ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst()
                            .orElse(""));
            response.reset();
            unavailable(request, response, "startup.database");
        }
    }

    /**
     * Whether the failure is the connection's, not the query's: SQL states of class 08 and 57P, or a pool timeout.
     * When the rollback after such a failure fails too, on the same dead connection, the original failure is the
     * rollback's "application exception", outside its chain of causes.
     */
    static boolean lostDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && lostDatabase(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, String prefix)
            throws IOException {
        Locale locale = locale(request, response);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (ApiPaths.isApi(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getWriter(), Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value(),
                    "error", messages.getMessage(prefix + ".explanation", null, locale)));
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        Context context = new Context(locale, Map.of("retrySeconds", RETRY_SECONDS, "prefix", prefix));
        templates.process("startup/starting", context, response.getWriter());
    }

    /** The visitor's language as the pages choose it; {@code ?lang=} is honoured here too, and remembered. */
    private Locale locale(HttpServletRequest request, HttpServletResponse response) {
        // Only on GET: reading a parameter of a POST would consume its body, an upload perhaps.
        String lang = HttpMethod.GET.matches(request.getMethod()) ? request.getParameter("lang") : null;
        if (lang != null && !lang.isBlank()) {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
        }
        return locales.resolveLocale(request);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
