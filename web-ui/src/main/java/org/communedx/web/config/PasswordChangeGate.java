package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.user.AccountAuthorities;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Until a user whose password someone else chose has changed it, the change page, logging out, static assets
 * and error pages are all there is: pages redirect to the change page, and the API answers 403.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    private static final RequestMatcher ALLOWED = new OrRequestMatcher(pathPattern(CHANGE_PAGE),
            pathPattern("/logout"), pathPattern("/error"), pathPattern("/assets/**"),
            pathPattern("/webjars/**"), pathPattern("/favicon.ico"));

    /** Where the API's refusal is written as problem JSON in the caller's language; null for the pages. */
    private final ApiRefusals problems;

    private PasswordChangeGate(ApiRefusals problems) {
        this.problems = problems;
    }

    static PasswordChangeGate redirectingPages() {
        return new PasswordChangeGate(null);
    }

    static PasswordChangeGate forbiddingApi(ApiRefusals problems) {
        return new PasswordChangeGate(problems);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (AccountAuthorities.mustChangePassword(authentication) && !ALLOWED.matches(request)) {
            if (problems == null) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            }
            else {
                problems.write(request, response, HttpStatus.FORBIDDEN, "api.refused.passwordChange");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
