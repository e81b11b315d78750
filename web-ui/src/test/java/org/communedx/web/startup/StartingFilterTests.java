package org.communedx.web.startup;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.communedx.service.database.DatabaseServer;
import org.communedx.service.database.DatabaseState;
import org.communedx.web.config.Bundles;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartingFilterTests {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

    /** Whether the embedded server is down, as the filter asks after a failure. */
    private boolean serverDown;

    private final StartingFilter filter = new StartingFilter(availability, templates(), Bundles.messages(), locales(),
            new StaticListableBeanFactory(Map.of("server", (DatabaseServer) () -> serverDown))
                    .getBeanProvider(DatabaseServer.class));

    @Test
    void pagesAnswerARefreshingPageInTheVisitorsLanguageUntilReady() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scorecards");
        request.setParameter("lang", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .contains("<title>The tracker is starting</title>").doesNotContain("#{");
        assertThat(chain.getRequest()).as("the request went on").isNull();
    }

    @Test
    void loginAttemptsNeverReachAuthenticationUntilReady() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", "admin");
        request.setParameter("password", "Demo@2025!");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Hệ thống đang khởi động");
        assertThat(chain.getRequest()).as("the request went on").isNull();
    }

    @Test
    void apiRequestsGetJsonUntilReady() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/frameworks"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).startsWith("{").contains("\"status\":503");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void healthPassesToSayOutOfService() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void everythingPassesOnceReady() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/login"), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void answersAtOnceWhileTheDatabaseRestarts() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, DatabaseState.RESTARTING));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("<title>Cơ sở dữ liệu tạm thời không truy cập được</title>")
                .doesNotContain("#{");
        assertThat(chain.getRequest()).as("the request went on").isNull();

        MockHttpServletResponse api = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/frameworks"), api, new MockFilterChain());
        assertThat(api.getContentType()).startsWith("application/json");
        assertThat(api.getContentAsString()).contains("\"status\":503", "kết nối được cơ sở dữ liệu");
    }

    @Test
    void everythingPassesOnceTheDatabaseServesAgain() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, DatabaseState.RESTARTING));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, DatabaseState.SERVING));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/login"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aRequestWhoseDatabaseConnectionFailsGetsTheSameAnswer() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain lostConnection = (req, res) -> {
            throw new ServletException(new IllegalStateException(new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006")));
        };

        filter.doFilter(request, response, lostConnection);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Cơ sở dữ liệu tạm thời không truy cập được");
    }

    /** As a login met it: the query lost its connection, and the rollback then failed on the closed connection. */
    @Test
    void aFailedRollbackOfALostConnectionGetsTheSameAnswer() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain rollbackFailed = (req, res) -> {
            TransactionSystemException rollback = new TransactionSystemException("Could not roll back JPA transaction",
                    new SQLException("Connection is closed"));
            rollback.initApplicationException(new IllegalStateException(new SQLException(
                    "This connection has been closed.", "08003")));
            throw rollback;
        };

        filter.doFilter(new MockHttpServletRequest("POST", "/login"), response, rollbackFailed);

        assertThat(response.getStatus()).isEqualTo(503);
    }

    /**
     * As a login met it between the postmaster's death and the watchdog's next look: the query failed, its rollback
     * failed on the connection the pool had closed, and only the rollback's failure, with no SQL state, came out.
     */
    @Test
    void anyFailureWhileTheEmbeddedServerIsDownGetsTheSameAnswer() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        FilterChain rollbackFailed = (req, res) -> {
            throw new JpaSystemException(new org.hibernate.TransactionException(
                    "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        };
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/login"),
                new MockHttpServletResponse(), rollbackFailed)).as("while the server serves")
                .isInstanceOf(JpaSystemException.class);

        serverDown = true;
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/login"), response, rollbackFailed);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Cơ sở dữ liệu tạm thời không truy cập được");
    }

    @Test
    void otherFailuresStillFail() {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        FilterChain badQuery = (req, res) -> {
            throw new IllegalStateException(new SQLException("syntax error at or near", "42601"));
        };

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(),
                badQuery)).isInstanceOf(IllegalStateException.class);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(Bundles.messages());
        return engine;
    }

    private static CookieLocaleResolver locales() {
        CookieLocaleResolver locales = new CookieLocaleResolver("communedx-lang");
        locales.setDefaultLocale(Locale.forLanguageTag("vi"));
        return locales;
    }
}
