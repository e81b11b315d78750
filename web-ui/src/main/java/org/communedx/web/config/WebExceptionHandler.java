package org.communedx.web.config;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.service.NotFoundException;
import org.communedx.service.evidence.EvidenceFileMissingException;
import org.communedx.service.evidence.EvidenceStoreUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns domain refusals into what a user sees: 404 for what is missing or out of scope, messages for rules. */
@ControllerAdvice
class WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebExceptionHandler.class);

    private final FormPages formPages;

    private final ApiRefusals apiRefusals;

    private final MultipartConfigElement multipart;

    WebExceptionHandler(FormPages formPages, ApiRefusals apiRefusals, MultipartConfigElement multipart) {
        this.formPages = formPages;
        this.apiRefusals = apiRefusals;
        this.multipart = multipart;
    }

    /**
     * A body of a type the address does not take: to the JSON API (a form post, or JSON where a file is sent) problem
     * JSON naming the types it takes, also in {@code Accept} as HTTP asks. It is refused before any controller is
     * chosen, so the API's own handler never sees it, and it had been Spring's default error JSON.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String taken = MediaType.toString(ex.getSupportedMediaTypes());
        response.setHeader(HttpHeaders.ACCEPT, taken);
        if (ApiPaths.isApi(request)) {
            if (request.getContentType() == null || request.getContentType().isBlank()) {
                apiRefusals.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.refused.mediaTypeMissing",
                        List.of(taken));
            }
            else {
                apiRefusals.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.refused.mediaType",
                        List.of(request.getContentType(), taken));
            }
        }
        else {
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        }
        return new ModelAndView();
    }

    /**
     * An upload to the JSON API that Tomcat cannot take apart (beyond the multipart limit, or not the multipart it
     * claims), met when the dispatcher reads its parts, after its credentials were checked: problem JSON, as the API's
     * other refusals. It had been the pages' HTML error page, with a menu bar for the API token. A page's upload never
     * comes here: {@link UnreadablePartsFilter} answers it first.
     */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadableUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!ApiPaths.isApi(request)) {
            throw ex;
        }
        response.setHeader("Connection", "close");
        if (ex instanceof MaxUploadSizeExceededException) {
            apiRefusals.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "api.refused.uploadTooLarge",
                    List.of(TomcatErrorPage.uploadLimit(multipart)));
        }
        else {
            apiRefusals.write(request, response, HttpStatus.BAD_REQUEST, "api.refused.unreadableUpload");
        }
        return new ModelAndView();
    }

    /**
     * A form's address opened as a page (a refused form's page reopened from the history, or its address copied):
     * the page the form is on, rather than "405". Any other method a page does not take, and the JSON API's, are
     * still refused with the methods it does take.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView formAddressOpened(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && !ApiPaths.isApi(request)) {
            return new ModelAndView("redirect:" + formPages.pageAt(path));
        }
        if (ex.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, ex.getSupportedHttpMethods().stream().map(HttpMethod::name)
                    .collect(Collectors.joining(", ")));
        }
        response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
        return new ModelAndView();
    }

    /**
     * Through the container's error page, as an address nothing answers: a view rendered here would miss what every
     * page's menu shows (the reviews waiting, the unread notices, the sample-data label, the language switch), since
     * an exception handler's model is a new one.
     */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /**
     * A file, or its thumbnail, asked for while the evidence store's server is down: a page that says so in the
     * user's language, rather than "something went wrong". (An upload then is refused on the entry page instead.)
     */
    @ExceptionHandler(EvidenceStoreUnavailableException.class)
    ModelAndView evidenceStoreUnavailable(EvidenceStoreUnavailableException ex) {
        LOG.warn("{}", ex.getMessage());
        return evidencePage(HttpStatus.SERVICE_UNAVAILABLE, "error.evidenceStore");
    }

    /**
     * A file the database lists but the store does not hold (a disk not mounted, a file deleted by hand): a page
     * that says trying again will not help and whom to tell, rather than "something went wrong"; the log names the
     * file for that administrator.
     */
    @ExceptionHandler(EvidenceFileMissingException.class)
    ModelAndView evidenceFileMissing(EvidenceFileMissingException ex) {
        LOG.error("{}", ex.getMessage());
        return evidencePage(HttpStatus.INTERNAL_SERVER_ERROR, "error.evidenceMissing");
    }

    private static ModelAndView evidencePage(HttpStatus status, String messages) {
        ModelAndView page = new ModelAndView("error/evidence", status);
        page.addObject("status", status.value());
        page.addObject("messages", messages);
        return page;
    }

    /**
     * Two users saving the same thing at the same moment (a period, a plan, a user, a name both chose): the second
     * write is refused by the row's version or a unique key. A page that says so and that nothing was saved, rather
     * than "something went wrong"; the services' own checks come first and catch the rest of the time.
     */
    @ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
    void concurrentChange(RuntimeException ex, HttpServletResponse response) throws IOException {
        LOG.info("A concurrent change refused a write: {}", ex.toString());
        // Through the error page, for the menu's sake, as notFound.
        response.sendError(HttpStatus.CONFLICT.value());
    }

    /**
     * A form posted with a field no page writes, such as the 300th row of a list that binds at most 256
     * ({@code classes[300].nameVi}): a request the page cannot process, not a server error.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    void unboundField(InvalidPropertyException ex, HttpServletResponse response) throws IOException {
        LOG.info("A form's field could not be bound: {}", ex.getMessage());
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** The request attributes that name, on the 400 page, an address's value its page cannot read. */
    static final String UNREADABLE_PARAMETER = "unreadableParameter";

    static final String UNREADABLE_VALUE = "unreadableValue";

    /** As much of an unreadable value as the 400 page quotes: enough to recognise it, not a page of it. */
    private static final int QUOTED_VALUE_LENGTH = 40;

    /**
     * An address with a value its page cannot read ({@code page=abc}, {@code from=31/02/2026}, a role that does not
     * exist), mistyped or cut short when copied: a page that names the value and leads to the page without its
     * filters, rather than only "the request could not be handled". Through the error page, for the menu's sake, as
     * notFound. A part of the path that cannot be read ({@code /communes/05305/periods/abc}) is an address nothing
     * answers: 404, as the page's link without the filters would lead to the same address. (The JSON API's own
     * handler answers its addresses first.)
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void unreadableParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        String value = String.valueOf(ex.getValue());
        request.setAttribute(UNREADABLE_PARAMETER, ex.getName());
        request.setAttribute(UNREADABLE_VALUE, value.codePointCount(0, value.length()) <= QUOTED_VALUE_LENGTH ? value
                : value.substring(0, value.offsetByCodePoints(0, QUOTED_VALUE_LENGTH)) + "…");
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** Back to the page the form was on, with every problem listed in the user's language. */
    @ExceptionHandler(FrameworkRuleViolation.class)
    String ruleViolation(FrameworkRuleViolation violation, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("problems", violation.problems());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }
}
