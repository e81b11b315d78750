package org.communedx.web.home;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the menu needs to know about the page it is on: which item is current, and where the language switch leads.
 * Whom it names is {@code #user.displayName()} ({@link CurrentUser}).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new Navigation(path, request.getQueryString());
    }
}
