package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * An address that no page answers (a mistyped one) is "not found" for a signed-in user, as for anyone. The page rules
 * refuse every address they do not list, so that a new page is closed until it is given its roles; without this, that
 * refusal told even an administrator "no permission" for a typo. An address a page answers, refused, stays a 403.
 */
final class UnknownAddressNotFound implements AccessDeniedHandler {

    private final ObjectProvider<HandlerMapping> pages;

    private final AccessDeniedHandler refused = new AccessDeniedHandlerImpl();

    /** @param pages the controllers' mapping (not the static resources', which would answer any address) */
    UnknownAddressNotFound(ObjectProvider<HandlerMapping> pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        // A form without its CSRF token is refused whatever its address (the logout, say, is no controller's).
        if (denied instanceof CsrfException || answered(request)) {
            refused.handle(request, response, denied);
        }
        else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean answered(HttpServletRequest request) {
        // The security filters run before the dispatcher has parsed the path that the mapping looks up.
        RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return pages.getObject().getHandler(request) != null;
        }
        catch (Exception mappedOtherwise) {
            // Such as a page at this address for another method: it exists.
            return true;
        }
        finally {
            if (parsed == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
            else {
                ServletRequestPathUtils.setParsedRequestPath(parsed, request);
            }
        }
    }
}
