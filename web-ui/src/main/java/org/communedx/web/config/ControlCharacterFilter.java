package org.communedx.web.config;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.model.ControlCharacters;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, as bad input (400, the error page in the user's language, or JSON for the API), a request whose
 * parameters hold a {@link ControlCharacters control character}: a search for {@code %00} was a server error. Before
 * security and any query.
 * <p>
 * A multipart request's parts are not read here, so that an upload is parsed only by the code that limits it; its
 * query string is checked all the same, and its one text that is kept, an evidence file's description, by
 * {@link org.communedx.model.evidence.EvidenceMetadata}. A JSON body's strings are checked as it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasControlCharacter(request)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControlCharacter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return isBad(decoded(request.getQueryString()));
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (isBad(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (isBad(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query string that does not decode is left to the code that reads it, which refuses it as it always did. */
    private static String decoded(String query) {
        try {
            return query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return "";
        }
    }

    private static boolean isBad(String text) {
        return ControlCharacters.in(text);
    }
}
