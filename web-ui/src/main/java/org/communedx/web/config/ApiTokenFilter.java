package org.communedx.web.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.token.ApiTokenAuthenticator;
import org.communedx.service.token.ApiTokenPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API chain. A token that {@link ApiTokenAuthenticator} accepts makes the
 * request its principal's, for this request only: nothing is saved in a session, and none is created. Any other
 * Bearer value (malformed, unknown, wrong, expired, revoked, its issuer disabled or no longer allowed to issue it) is
 * answered 401 at once, with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750) and a small problem
 * body (RFC 9457) that does not say which of those it was. A request without a Bearer header goes on to HTTP Basic or
 * its session.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"Commune DX Tracker\"";

    private static final String SCHEME = "Bearer ";

    private static final byte[] PROBLEM = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"The API token is malformed, unknown, expired or revoked."}""".getBytes(StandardCharsets.UTF_8);

    private final ApiTokenAuthenticator tokens;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokenAuthenticator tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenPrincipal> principal = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (principal.isEmpty()) {
            refuse(response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(principal.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(PROBLEM.length);
        response.getOutputStream().write(PROBLEM);
    }
}
