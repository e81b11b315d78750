package org.communedx.web.config;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.token.ApiTokenAuthenticator;
import org.communedx.service.token.ApiTokenPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API chain. A token that {@link ApiTokenAuthenticator} accepts makes the
 * request its principal's, for this request only: nothing is saved in a session, and none is created. Any other
 * Bearer value (malformed, unknown, wrong, expired, revoked, its issuer disabled or no longer allowed to issue it) is
 * answered 401 at once, with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750) and a problem body
 * (RFC 9457, {@link ApiRefusals}) in the caller's language that does not say which of those it was. A request
 * without a Bearer header goes on to HTTP Basic or its session.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"Commune DX Tracker\"";

    private static final String SCHEME = "Bearer ";

    private final ApiTokenAuthenticator tokens;

    private final ApiRefusals problems;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokenAuthenticator tokens, ApiRefusals problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** Whether the request says {@code Authorization: Bearer}: it acts as that token, or is refused. */
    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<ApiTokenPrincipal> principal = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (principal.isEmpty()) {
            refuse(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(principal.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.refused.invalidToken");
    }
}
