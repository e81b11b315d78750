package org.communedx.web.config;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * <p>
 * The two line breaks word processors put on the clipboard, U+000B (Word's line break inside a paragraph, Shift+Enter)
 * and U+000C (its page break), are read as the line breaks they are, not refused: an explanation pasted from a report
 * had been thrown away whole with the page that said only "the request could not be handled".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

    private static final Pattern PASTED_BREAK = Pattern.compile("[\\x0B\\x0C]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasControlCharacter(request)) {
            HttpServletRequest pasted = withPastedBreaksAsLineBreaks(request);
            if (pasted == null || hasControlCharacter(pasted)) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            request = pasted;
        }
        chain.doFilter(request, response);
    }

    /** The request with its parameters' pasted breaks as line feeds; null for a multipart one, whose parts stay. */
    private static HttpServletRequest withPastedBreaksAsLineBreaks(HttpServletRequest request) {
        if (isMultipart(request)) {
            return null;
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.stream(values)
                .map(value -> PASTED_BREAK.matcher(value).replaceAll("\n")).toArray(String[]::new)));
        Map<String, String[]> read = Collections.unmodifiableMap(parameters);
        return new HttpServletRequestWrapper(request) {

            @Override
            public String getParameter(String name) {
                String[] values = read.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return read;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(read.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return read.get(name);
            }
        };
    }

    private static boolean hasControlCharacter(HttpServletRequest request) {
        if (isMultipart(request)) {
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

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
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
