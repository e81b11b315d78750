package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.audit.RequestOrigin;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the services keep for the length of one request, and no longer: the client address (as the proxy reports it)
 * for the audit trail.
 */
@Component
class RequestBoundFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestOrigin.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        }
        finally {
            RequestOrigin.clear();
        }
    }
}
