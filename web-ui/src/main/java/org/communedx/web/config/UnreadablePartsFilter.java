package org.communedx.web.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form upload that Tomcat cannot take apart (a file over the multipart limits, a file name longer than its part
 * header limit or with a NUL in it, a body that is not the multipart it claims) is answered at once, with one line in
 * the log at INFO: by the form's own {@link UnreadableUploadAnswer} if it has one (an evidence upload goes back to its
 * entry page with the reason), else with {@link TomcatErrorPage}'s page, 413 or 400. Otherwise the first to read a
 * parameter, Spring Security's CSRF check, meets Tomcat's exception: it escapes the filters as a server error, logged
 * with its stack trace, and the error page's own dispatch meets it again, a second stack trace, before Tomcat falls
 * back to its page. A client's malformed request is no server error. The JSON API is left out: its credentials are
 * checked first, and its upload is refused by {@link WebExceptionHandler} with problem JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UnreadablePartsFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadablePartsFilter.class);

    private final TomcatErrorPage page;

    private final List<UnreadableUploadAnswer> answers;

    private final long maxRequestBytes;

    UnreadablePartsFilter(TomcatErrorPage page, List<UnreadableUploadAnswer> answers,
            MultipartConfigElement multipart) {
        this.page = page;
        this.answers = answers;
        this.maxRequestBytes = multipart.getMaxRequestSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        }
        catch (IllegalStateException | IOException | ServletException unreadable) {
            UnreadableParts reason = UnreadableParts.of(unreadable, request, maxRequestBytes);
            LOG.info("Upload to {} refused before reading: {}", request.getRequestURI(), unreadable.toString());
            if (response.isCommitted()) {
                // The client went away mid-upload (a phone that lost its signal): Tomcat has closed the answer, and
                // there is nobody to tell.
                return;
            }
            for (UnreadableUploadAnswer answer : answers) {
                if (answer.answers(request)) {
                    answer.answer(request, response, reason);
                    return;
                }
            }
            boolean tooLarge = reason == UnreadableParts.TOO_LARGE;
            response.setStatus(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Connection", "close");
            response.getOutputStream().write(page.page(tooLarge).getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
