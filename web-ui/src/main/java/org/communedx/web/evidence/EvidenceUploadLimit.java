package org.communedx.web.evidence;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.CommuneDxProperties;
import org.communedx.web.config.TomcatErrorPage;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload over the multipart limits fails before any controller runs. An evidence upload then goes back to
 * its entry, unchanged, with the size limit in the user's language ({@link UploadPartFailures} sees it first,
 * before Spring Security; this is for a failure that only Spring MVC meets); anything else gets the 413 page, which
 * names the multipart limit as Tomcat's own 413 page does.
 */
@ControllerAdvice
class EvidenceUploadLimit {

    /** An upload to a stored entry, or to a criterion's entry before it is stored; the entry page is the rest. */
    private static final Pattern UPLOAD = Pattern.compile(
            "(/entries/\\d+|/communes/[^/]+/periods/\\d+/criteria/[^/]+)/evidence");

    private final CommuneDxProperties.Evidence properties;

    private final String uploadLimit;

    EvidenceUploadLimit(CommuneDxProperties properties, MultipartConfigElement multipart) {
        this.properties = properties.evidence();
        this.uploadLimit = TomcatErrorPage.uploadLimit(multipart);
    }

    /** The limit the evidence panel states beside its file field. */
    @ModelAttribute("evidenceMaxMegabytes")
    long maxMegabytes() {
        return properties.maxFileSize().toMegabytes();
    }

    /** The same limit in bytes, for the browser to refuse a file too large before sending it over a slow link. */
    @ModelAttribute("evidenceMaxBytes")
    long maxBytes() {
        return properties.maxFileSize().toBytes();
    }

    /** A matcher of the request's path against the evidence uploads; its first group is the entry page. */
    static Matcher upload(HttpServletRequest request) {
        return UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        long megabytes = properties.maxFileSize().toMegabytes();
        Matcher upload = upload(request);
        if (upload.matches()) {
            redirect.addFlashAttribute("evidenceProblems", List.of(
                    new EvidenceController.Problem("evidence.refused.tooLarge", List.of(megabytes))));
            return "redirect:" + upload.group(1);
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        request.setAttribute("uploadLimit", uploadLimit);
        return "error/413";
    }
}
