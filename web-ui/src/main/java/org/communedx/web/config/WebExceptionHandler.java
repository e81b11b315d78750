package org.communedx.web.config;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.service.NotFoundException;
import org.communedx.service.evidence.EvidenceStoreUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns domain refusals into what a user sees: 404 for what is missing or out of scope, messages for rules. */
@ControllerAdvice
class WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
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

    /** Back to the page the form was on, with every problem listed in the user's language. */
    @ExceptionHandler(FrameworkRuleViolation.class)
    String ruleViolation(FrameworkRuleViolation violation, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("problems", violation.problems());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }
}
