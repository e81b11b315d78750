package org.communedx.web.home;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.web.config.FormPages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the menu needs to know about the page it is on: which item is current, and where the language switch leads.
 * Whom it names is {@code #user.displayName()} ({@link CurrentUser}).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final FormPages formPages;

    NavigationAdvice(FormPages formPages) {
        this.formPages = formPages;
    }

    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return new Navigation(path, request.getQueryString());
        }
        // A form refused is shown again at the address it posted to: the language switch leads to the form's page.
        return new Navigation(path, request.getQueryString(), formPages.pageAt(path));
    }
}
