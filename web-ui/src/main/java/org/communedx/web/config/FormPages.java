package org.communedx.web.config;

import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Where a form's address leads someone who opens it as a page. A refused form is shown again at the address it posted
 * to (/entries/5/value, /mappings/1/prefill), which answers no GET: the page the form is on is the nearest address
 * above it that a GET shows.
 */
@Component
public class FormPages {

    private final RequestMappingHandlerMapping pages;

    FormPages(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) {
        this.pages = pages;
    }

    /**
     * The path itself if a GET shows it, else the nearest one above it that a GET shows; "/" at the least, and for
     * anything but a path on this server ("//host/…" would name another site, were the firewall ever to let it by).
     */
    public String pageAt(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        String page = path;
        while (!page.isEmpty() && !shownByGet(page)) {
            page = page.substring(0, page.lastIndexOf('/'));
        }
        return page.isEmpty() ? "/" : page;
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
