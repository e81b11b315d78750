package org.communedx.web.config;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.model.user.UserAccount;
import org.communedx.service.token.ApiTokenAuthenticator;
import org.communedx.service.user.AccountSettings;
import org.communedx.service.user.LoginAttempts;
import org.communedx.web.config.ThrottledAuthenticationProvider.LoginThrottled;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Form login for people; API tokens for systems, and HTTP Basic for people's scripts, on the API. Every route needs a rule here: what is not listed
 * is refused (default deny).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RedirectStrategy REDIRECT = new DefaultRedirectStrategy();

    private static final FlashMapManager FLASH_MAPS = new SessionFlashMapManager();

    /**
     * No page uses the browser's devices or sensors, so none may, not even a script that got in. Only features the
     * browsers know: Chromium warns on every page about one it does not (it never knew {@code bluetooth}), which
     * {@code AccessibilityBrowserIT} would catch.
     */
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()";

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, AccountSettings accounts, SessionRegistry sessionRegistry,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> pages,
            ObjectProvider<FormPages> formPages) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/").authenticated()
                        .requestMatchers(HttpMethod.GET, "/frameworks", "/frameworks/*/*")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/frameworks/*/*/clone").hasRole("ADMIN")
                        // Publishing, retiring and deleting a draft: the page that asks first (GET) and the act (POST).
                        .requestMatchers("/frameworks/*/*/publish", "/frameworks/*/*/retire", "/frameworks/*/*/discard")
                        .hasRole("ADMIN")
                        // Framework files: everyone who may view a version may download it; only administrators
                        // import, or open and submit the forms that edit a draft (GET and POST alike).
                        .requestMatchers(HttpMethod.GET, "/frameworks/*/*/export/yaml", "/frameworks/*/*/export/xlsx")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        .requestMatchers("/frameworks/import", "/frameworks/*/*/title", "/frameworks/*/*/classes",
                                "/frameworks/*/*/groups/new",
                                "/frameworks/*/*/groups/*/edit", "/frameworks/*/*/groups/*/remove",
                                "/frameworks/*/*/groups/*/move-up", "/frameworks/*/*/groups/*/move-down",
                                "/frameworks/*/*/groups/*/criteria/new", "/frameworks/*/*/criteria/*/edit",
                                "/frameworks/*/*/criteria/*/remove", "/frameworks/*/*/criteria/*/move-up",
                                "/frameworks/*/*/criteria/*/move-down").hasRole("ADMIN")
                        // Mappings between framework versions and the prefills they drive: administrators only
                        // (the service says the same, and shows a prefill's job only to whoever started it).
                        .requestMatchers("/mappings", "/mappings/**").hasRole("ADMIN")
                        .requestMatchers("/account", "/account/language", "/account/email-preference",
                                PasswordChangeGate.CHANGE_PAGE).authenticated()
                        // Each user's own notices: the service reads and marks only the caller's.
                        .requestMatchers(HttpMethod.GET, "/notifications").authenticated()
                        .requestMatchers(HttpMethod.POST, "/notifications/*/read", "/notifications/*/open",
                                "/notifications/read-all")
                            .authenticated()
                        // The scheduled jobs' runs: administrators only (the service checks it too).
                        .requestMatchers(HttpMethod.GET, "/admin/scheduled-jobs").hasRole("ADMIN")
                        // Letting a username or an address that wrong passwords held back try again: administrators
                        // (the service too).
                        .requestMatchers(HttpMethod.POST, "/admin/login-holds/release",
                                "/admin/login-holds/release-address").hasRole("ADMIN")
                        // User administration: the service decides which users and roles each of the two may touch.
                        .requestMatchers("/users", "/users/**").hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        // API tokens: the list and the issue form (GET, POST), and a revocation's confirmation (GET)
                        // and act (POST); the service decides which roles, units and tokens each of the two reaches.
                        .requestMatchers("/api-tokens", "/api-tokens/*/revoke").hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        // Unit imports, and the pages of their jobs, which the service shows only to their starter.
                        .requestMatchers(HttpMethod.GET, "/units/import", "/units/import/jobs/*",
                                "/units/import/jobs/*/progress").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/units/import/list", "/units/import/merges").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/units/*/report-signer").hasRole("ADMIN")
                        .requestMatchers("/units/*/remove").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/units", "/units/*").authenticated()
                        // Periods are national: administrators add and edit them, provincial managers list them.
                        // Plans: both list, add and edit them (GET opens a form, POST submits it), and the plan
                        // service keeps each plan within the caller's scope.
                        .requestMatchers("/periods/new", "/periods/*/edit", "/periods/*/delete").hasRole("ADMIN")
                        .requestMatchers("/periods", "/plans", "/plans/new", "/plans/*/edit")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        // A province's values from a spreadsheet, as suggestions: the services keep the template
                        // and the values within the caller's scope, and a job to the one who started it.
                        .requestMatchers(HttpMethod.GET, "/periods/*/value-import", "/periods/*/value-import/template.xlsx",
                                "/periods/*/value-import/jobs/*", "/periods/*/value-import/jobs/*/progress",
                                "/periods/*/value-import/jobs/*/report.csv").hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/periods/*/value-import").hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        // Scorecards, entries and reviews. Every logged-in user may open a scorecard or an entry,
                        // and the services answer 404 outside the caller's scope. Commune staff change values;
                        // district officials and provincial managers review. The workflow then checks that it is
                        // the staff of that very commune, or the reviewer of its district (province).
                        .requestMatchers(HttpMethod.GET, "/communes/*/periods/*", "/entries/*",
                                "/communes/*/periods/*/criteria/*").authenticated()
                        // Exports and printable reports: everyone signed in, for the units their scope reaches (the
                        // services answer 404 for the rest); the whole country's entries only for administrators.
                        .requestMatchers(HttpMethod.GET, "/communes/*/periods/*/export.csv",
                                "/communes/*/periods/*/export.xlsx", "/communes/*/periods/*/report",
                                "/communes/*/periods/*/report.pdf", "/units/*/periods/*/rollup.csv",
                                "/units/*/periods/*/rollup.xlsx", "/units/*/periods/*/entries.csv",
                                "/units/*/periods/*/entries.xlsx", "/units/*/periods/*/report",
                                "/units/*/periods/*/report.pdf", "/units/*/periods/*/ranking",
                                "/units/*/periods/*/ranking.xlsx", "/units/*/periods/*/ranking.pdf").authenticated()
                        .requestMatchers(HttpMethod.GET, "/periods/*/entries.csv", "/periods/*/entries.xlsx")
                            .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/entries/*/value", "/entries/*/submit",
                                "/entries/*/not-applicable", "/communes/*/periods/*/criteria/*/value",
                                "/communes/*/periods/*/criteria/*/not-applicable", "/communes/*/periods/*/submit-all",
                                "/communes/*/periods/*/criteria/*/take-suggestion",
                                "/communes/*/periods/*/take-suggestions")
                            .hasRole("COMMUNE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/entries/*/approve", "/entries/*/return",
                                "/entries/*/reopen", "/entries/*/approve-not-applicable",
                                "/entries/*/reopen-for-commune", "/communes/*/periods/*/criteria/*/reopen-for-commune")
                            .hasAnyRole("DISTRICT_OFFICIAL", "PROVINCE_MANAGER")
                        // An entry's comments: its commune's staff and its reviewers; the service checks which.
                        .requestMatchers(HttpMethod.POST, "/entries/*/comments",
                                "/communes/*/periods/*/criteria/*/comments")
                            .hasAnyRole("COMMUNE_STAFF", "DISTRICT_OFFICIAL", "PROVINCE_MANAGER")
                        .requestMatchers(HttpMethod.GET, "/reviews").hasAnyRole("DISTRICT_OFFICIAL", "PROVINCE_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/reviews/approve")
                            .hasAnyRole("DISTRICT_OFFICIAL", "PROVINCE_MANAGER")
                        // Evidence: commune staff upload and remove (the service keeps them to their own commune
                        // and to entries they may still edit); everyone signed in may download or preview what
                        // their scope reaches, and the service answers 404 for the rest.
                        .requestMatchers(HttpMethod.POST, "/entries/*/evidence",
                                "/communes/*/periods/*/criteria/*/evidence", "/evidence/*/remove")
                            .hasRole("COMMUNE_STAFF")
                        .requestMatchers(HttpMethod.GET, "/evidence/*/remove").hasRole("COMMUNE_STAFF")
                        .requestMatchers(HttpMethod.GET, "/evidence/*", "/evidence/*/inline", "/evidence/*/thumbnail")
                            .authenticated()
                        // The audit trail crosses every unit: administrators only (the service checks it too).
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit.csv").hasRole("ADMIN")
                        // Dashboards, explanations and plan trackers: everyone signed in, for the units their
                        // scope reaches (the services answer 404 for the rest); the country for administrators.
                        .requestMatchers(HttpMethod.GET, "/dashboard/national").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/units/*/dashboard",
                                "/communes/*/periods/*/explain", "/plans/*").authenticated()
                        // The API's description names routes, never data.
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        // Which methods an address takes (the Allow header Spring answers with), no handler run.
                        .requestMatchers(HttpMethod.OPTIONS).authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(refusals -> refusals.accessDeniedHandler(new RefusedAddresses(pages, formPages)))
                // Session fixation protection is Spring's default: the session id changes at login.
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new AccountLoginSuccessHandler(accounts))
                        .failureHandler(SecurityConfiguration::loginFailed).permitAll())
                .addFilterBefore(PasswordChangeGate.redirectingPages(), AuthorizationFilter.class)
                // The scorecards and dashboards that the browser keeps to revalidate (RenderedPages) leave with the
                // user: on a shared office computer nobody reads them from the browser's cache after logout. Spring
                // sends the header over HTTPS only, as browsers heed it only there.
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").addLogoutHandler(
                        new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(Directive.CACHE))))
                // Every session is registered, without a limit on how many a user holds, so that SessionRevocation
                // can end a user's sessions when their role, password or access changes.
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?ended"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        // X-Content-Type-Options: nosniff is on by default, and so is HSTS, which Spring sends only over HTTPS:
        // behind a proxy that is when it says X-Forwarded-Proto: https (server.forward-headers-strategy).
        return http.build();
    }

    /**
     * The JSON API, for provincial systems and scripts, before the page chain. Systems send an API token
     * ({@code Authorization: Bearer}, {@link ApiTokenFilter}) and act with its role and unit; people's scripts may
     * still send HTTP Basic, whose successes are not recorded call by call (ThrottledAuthenticationProvider). Neither
     * ever gets a session; a browser that has logged in may call it with its session. Anonymous callers get 401, not
     * the login page. A GET changes nothing. A write (PUT, POST) needs the CSRF token when it comes with a live
     * session's cookie, as from a browser, and no Bearer token; a script's write, with its credentials on the request,
     * needs none.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SessionRegistry sessionRegistry, UserDetailsService accounts,
            PasswordEncoder passwordEncoder, LoginAttempts attempts, ApiTokenAuthenticator tokens,
            ApiRefusals problems, @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> pages)
            throws Exception {
        http.securityMatcher(ApiPaths.PREFIX + "**")
                .authenticationManager(new ProviderManager(
                        new ThrottledAuthenticationProvider(accountProvider(accounts, passwordEncoder), attempts, false)))
                .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/frameworks", "/api/v1/frameworks/*/*",
                                "/api/v1/units", "/api/v1/units/*", "/api/v1/periods").authenticated()
                        // Progress, plans and chart series, scoped by the services like the pages.
                        .requestMatchers(HttpMethod.GET, "/api/v1/units/*/progress", "/api/v1/units/*/charts",
                                "/api/v1/country/charts", "/api/v1/plans", "/api/v1/plans/*").authenticated()
                        // The write API (issue 19): an entry is read by whoever's scope reaches it, written by its
                        // commune's staff; suggested values come from provincial managers and administrators (a
                        // system's token carries one of these roles). The services check scope and role again.
                        .requestMatchers(HttpMethod.GET, "/api/v1/communes/*/periods/*/criteria/*").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/communes/*/periods/*/criteria/*/value")
                            .hasRole("COMMUNE_STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/v1/communes/*/periods/*/criteria/*/submit",
                                "/api/v1/communes/*/periods/*/criteria/*/evidence").hasRole("COMMUNE_STAFF")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/periods/*/suggested-values",
                                "/api/v1/communes/*/periods/*/criteria/*/suggested-value")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        // The caller's own notices.
                        .requestMatchers(HttpMethod.GET, "/api/v1/notifications").authenticated()
                        // Which methods an address takes (the Allow header Spring answers with), no handler run.
                        .requestMatchers(HttpMethod.OPTIONS).authenticated()
                        .anyRequest().denyAll())
                // A role that may not (a provincial manager's token writing a commune's value): problem JSON, as the
                // services' own refusals are answered; an address nothing answers, or not at that method, says so.
                .exceptionHandling(refusals -> refusals.accessDeniedHandler((request, response, denied) ->
                        apiRefused(request, response, denied, pages.getObject(), problems)))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, refusal) -> basicRefused(
                        request, response, refusal, problems))
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A browser session that SessionRevocation ended is refused here too, not only on the pages.
                .addFilterAt(new ConcurrentSessionFilter(sessionRegistry,
                        expired -> expired.getResponse().sendError(HttpServletResponse.SC_UNAUTHORIZED)),
                        ConcurrentSessionFilter.class)
                .requestCache(cache -> cache.disable())
                // A script's write comes with its credentials on the request, which no other site can forge; a
                // browser's comes with its session cookie, which any site's form would send along: that one needs
                // the CSRF token, as the pages' forms do. A cookie of no live session carries nobody, and a request
                // with a Bearer token acts as the token (no browser adds one by itself, as it may a Basic login it
                // remembers): a script whose HTTP client kept a cookie was refused for it.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> request.isRequestedSessionIdValid()
                        && !ApiTokenFilter.carriesToken(request)
                        && !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())))
                .addFilterBefore(PasswordChangeGate.forbiddingApi(problems), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * The API's refusal by the rules, which refuse what they do not list: 404 where nothing answers (a mistyped
     * address), 405 with the methods taken where the address takes others (PUT without /value), else 403.
     */
    private static void apiRefused(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied, HandlerMapping pages, ApiRefusals problems) throws IOException {
        if (denied instanceof CsrfException) {
            // A write with the browser's session cookie, without its token: not the role's fault, as "forbidden" said.
            problems.write(request, response, HttpStatus.FORBIDDEN, "api.refused.csrf");
            return;
        }
        RefusedAddresses.Found found = RefusedAddresses.lookUp(pages, request, denied);
        switch (found.answer()) {
            case NONE -> problems.write(request, response, HttpStatus.NOT_FOUND, "api.refused.notFound");
            case OTHER_METHODS -> {
                response.setHeader(HttpHeaders.ALLOW, found.methods().stream().map(HttpMethod::name).sorted()
                        .collect(Collectors.joining(", ")));
                problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "api.refused.methodNotAllowed");
            }
            case PAGE -> problems.write(request, response, HttpStatus.FORBIDDEN, "api.refused.forbidden");
        }
    }

    /**
     * The login page says when a client must wait, and for how long, and that a disabled account (given its right
     * password) is disabled; every other refusal reads the same.
     */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException refusal) throws IOException {
        offerTypedUsernameAgain(request, response);
        REDIRECT.sendRedirect(request, response, refusal instanceof LoginThrottled throttled
                ? "/login?throttled=" + throttled.refusal().minutes()
                : refusal instanceof DisabledException ? "/login?disabled" : "/login?error");
    }

    /**
     * The login page that follows a refusal shows the username typed, so that only the password is typed again. It
     * travels in the session's flash map for the next {@code /login} only, never in the address, and only when it
     * could be a username at all.
     */
    private static void offerTypedUsernameAgain(HttpServletRequest request, HttpServletResponse response) {
        String typed = UserAccount.normalizeUsername(request.getParameter("username"));
        if (!UserAccount.USERNAME.matcher(typed).matches()) {
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("typedUsername", typed);
        flash.setTargetRequestPath("/login");
        FLASH_MAPS.saveOutputFlashMap(flash, request, response);
    }

    /**
     * 401 asks for credentials; a client that must wait gets 429 and how many seconds, as Retry-After. Both as problem
     * JSON in the caller's language, as every other refusal of the API.
     */
    private static void basicRefused(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException refusal, ApiRefusals problems) throws IOException {
        if (refusal instanceof LoginThrottled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    String.valueOf(throttled.refusal().waitFor().toSeconds() + 1));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.refused.throttled");
        }
        else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Commune DX Tracker\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, ApiTokenFilter.CHALLENGE);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.refused.unauthorized");
        }
    }

    /**
     * With sessions in PostgreSQL (communedx.sessions=jdbc), the registry is the session table itself, found by the
     * user's name: a session that one instance ended is ended for every instance at its next request. With sessions in
     * Redis (communedx.sessions=redis) likewise, through the index by user name that {@link RedisSessions} asks for.
     * With sessions in memory, a registry in this JVM, the only instance.
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> shared) {
        FindByIndexNameSessionRepository<? extends Session> sessions = shared.getIfAvailable();
        return sessions != null ? new SpringSessionBackedSessionRegistry<>(sessions) : new SessionRegistryImpl();
    }

    /** Tells the in-memory session registry when Tomcat ends a session, so that it forgets the session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Accounts from PostgreSQL behind the login throttle and audit, for the login form, which records every success.
     * HTTP Basic on the API has a provider of its own ({@link #apiSecurity}).
     */
    @Bean
    AuthenticationProvider accountAuthentication(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            LoginAttempts attempts) {
        return new ThrottledAuthenticationProvider(accountProvider(accounts, passwordEncoder), attempts, true);
    }

    private static AuthenticationProvider accountProvider(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        // A disabled account is refused after its password is checked, not before as by default: only whoever knows
        // the password learns that the account is disabled (ThrottledAuthenticationProvider), and anyone else gets
        // the one refusal for everything. Its owner had been told "wrong password", and tried until locked out.
        provider.setPreAuthenticationChecks(account -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }
}
