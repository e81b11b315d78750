package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A HEAD request is answered as its GET would be, without the body (HTTP's own rule): the security rules name GET
 * alone, so a monitor's or a link checker's HEAD was refused as "your role may not", even an administrator's, where
 * the GET answered. The application sees a GET; Tomcat, which knows the request was a HEAD, sends no body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class HeadAsGetFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
