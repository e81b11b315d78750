package org.communedx.web.config;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.service.NotFoundException;
import org.communedx.service.evidence.EvidenceStoreUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns domain refusals into what a user sees: 404 for what is missing or out of scope, messages for rules. */
@ControllerAdvice
class WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebExceptionHandler.class);

    private final FormPages formPages;

    WebExceptionHandler(FormPages formPages) {
        this.formPages = formPages;
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
        if ("GET".equals(request.getMethod()) && !path.startsWith("/api/")) {
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
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String evidenceStoreUnavailable(EvidenceStoreUnavailableException ex) {
        LOG.warn("{}", ex.getMessage());
        return "error/503-evidence";
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

    /** Back to the page the form was on, with every problem listed in the user's language. */
    @ExceptionHandler(FrameworkRuleViolation.class)
    String ruleViolation(FrameworkRuleViolation violation, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("problems", violation.problems());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }
}
