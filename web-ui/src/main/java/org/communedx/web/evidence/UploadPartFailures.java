package org.communedx.web.evidence;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An evidence upload that Tomcat cannot take apart goes back to its entry page with the reason in the user's
 * language, instead of Tomcat's bare English page: a file over the multipart limits (413), a file name so long that
 * its part's header is over Tomcat's limit (413), or one with a NUL in it (400). Tomcat fails when anyone first
 * reads a parameter, which Spring Security's CSRF check does, so this runs before Spring Security and reads the
 * parts first. It only ever redirects to the entry page with a message, so that a request whose CSRF token never
 * arrived (it was in the body Tomcat gave up on) can do nothing more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UploadPartFailures extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(UploadPartFailures.class);

    private final EvidenceUploadLimit limit;

    private final long maxRequestBytes;

    UploadPartFailures(EvidenceUploadLimit limit, MultipartConfigElement multipart) {
        this.limit = limit;
        this.maxRequestBytes = multipart.getMaxRequestSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !EvidenceUploadLimit.upload(request).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        }
        catch (IllegalStateException | IOException | ServletException unreadable) {
            EvidenceController.Problem problem = problem(request, unreadable);
            LOG.info("Evidence upload to {} refused before reading: {}", request.getRequestURI(), unreadable.toString());
            Matcher upload = EvidenceUploadLimit.upload(request);
            upload.matches();
            String entryPage = request.getContextPath() + upload.group(1);
            FlashMap flash = new FlashMap();
            flash.put("evidenceProblems", List.of(problem));
            flash.setTargetRequestPath(entryPage);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(entryPage);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Why Tomcat could not read the parts. Over its part header limit (512 bytes) there is only the file name, the
     * one long thing in a part's header; Tomcat reports it with the class it uses for the body's size, so the
     * body's own length tells the two apart.
     */
    private EvidenceController.Problem problem(HttpServletRequest request, Exception unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return new EvidenceController.Problem("evidence.refused.fileName", List.of());
            }
            if (cause instanceof FileSizeLimitExceededException || cause instanceof SizeException
                    && maxRequestBytes > 0 && request.getContentLengthLong() > maxRequestBytes) {
                return new EvidenceController.Problem("evidence.refused.tooLarge", List.of(limit.maxMegabytes()));
            }
            if (cause instanceof SizeException) {
                return new EvidenceController.Problem("evidence.refused.fileNameTooLong", List.of());
            }
        }
        return new EvidenceController.Problem("evidence.refused.unreadable", List.of());
    }
}
