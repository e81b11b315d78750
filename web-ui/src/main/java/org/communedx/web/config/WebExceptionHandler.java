package org.communedx.web.config;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.service.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns domain refusals into what a user sees: 404 for what is missing or out of scope, messages for rules. */
@ControllerAdvice
class WebExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
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
