package org.communedx.web.home;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the menu needs to know about the page it is on: which item is current, and where the language switch leads.
 * Whom it names is {@code #user.displayName()} ({@link CurrentUser}).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final RequestMappingHandlerMapping pages;

    NavigationAdvice(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) {
        this.pages = pages;
    }

    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return new Navigation(path, request.getQueryString());
        }
        // A form refused is shown again at the address it posted to, which answers no GET (/entries/5/value): the
        // language switch leads to the page the form is on, the nearest address above it that a GET shows.
        String page = path;
        while (!page.isEmpty() && !shownByGet(page)) {
            page = page.substring(0, page.lastIndexOf('/'));
        }
        return new Navigation(path, request.getQueryString(), page.isEmpty() ? "/" : page);
    }

    private boolean shownByGet(String path) {
        PathContainer address = PathContainer.parsePath(path);
        return pages.getHandlerMethods().keySet().stream().anyMatch(page -> answersGet(page)
                && page.getParamsCondition().getExpressions().isEmpty() && page.getPathPatternsCondition() != null
                && page.getPathPatternsCondition().getPatterns().stream().anyMatch(pattern -> pattern.matches(address)));
    }

    private static boolean answersGet(RequestMappingInfo page) {
        Set<RequestMethod> methods = page.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }
}
