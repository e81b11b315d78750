package org.communedx.web.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A page as it was rendered under one data revision, cut where its CSRF token stood: each response that serves it
 * again carries the token of its own request, freshly masked as Spring Security masks it for every response.
 */
record RenderedPage(long revision, String contentType, Locale locale, List<byte[]> parts, int size) {

    static RenderedPage of(long revision, ContentCachingResponseWrapper rendered, @Nullable String csrfToken) {
        Charset charset = Charset.forName(rendered.getCharacterEncoding());
        byte[] body = rendered.getContentAsByteArray();
        List<byte[]> parts = csrfToken == null
                ? List.of(body)
                : Arrays.stream(Pattern.compile(Pattern.quote(csrfToken)).split(new String(body, charset), -1))
                        .map(part -> part.getBytes(charset))
                        .toList();
        int size = parts.stream().mapToInt(part -> part.length).sum();
        return new RenderedPage(revision, rendered.getContentType(), rendered.getLocale(), parts, size);
    }

    void writeTo(HttpServletResponse response, Supplier<@Nullable String> csrfToken) throws IOException {
        byte[] token = parts.size() == 1 ? new byte[0] : tokenOf(csrfToken.get());
        response.setLocale(locale);
        response.setContentType(contentType);
        response.setContentLength(size + token.length * (parts.size() - 1));
        OutputStream out = response.getOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(parts.get(i));
        }
    }

    private static byte[] tokenOf(@Nullable String csrfToken) {
        if (csrfToken == null) {
            throw new IllegalStateException("A page rendered with a CSRF token is served to a request without one");
        }
        // Spring Security's tokens are Base64: the same bytes in every charset a page may be in.
        return csrfToken.getBytes(StandardCharsets.US_ASCII);
    }
}
