package org.communedx.web.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What a signed-in user meets at an address the page rules refuse. The rules refuse every address they do not list, so
 * that a new page is closed until it is given its roles; that refusal alone told even an administrator "no
 * permission" for a typo, or for a form's address opened as a page. So:
 * <ul>
 * <li>an address that no page answers (a mistyped one) is "not found", as for anyone;</li>
 * <li>a form's address opened as a page (a refused form reopened from the history, /units/import/list) leads to the
 * page the form is on, as {@link WebExceptionHandler} leads the addresses the rules let through; that page makes its
 * own check;</li>
 * <li>a page that exists, refused, stays a 403;</li>
 * <li>a form posted without its CSRF token is a stale form, not a refusal of the role ({@link #formExpired}).</li>
 * </ul>
 * The JSON API's refusals look the address up the same way ({@link #lookUp}).
 */
final class RefusedAddresses implements AccessDeniedHandler {

    /** What the controllers answer at an address: nothing, a page, or something at other methods (a form's). */
    enum Answer { NONE, PAGE, OTHER_METHODS }

    /** @param methods the methods the address takes, when it is {@link Answer#OTHER_METHODS} */
    record Found(Answer answer, Set<HttpMethod> methods) {
    }

    private final ObjectProvider<HandlerMapping> pages;

    private final ObjectProvider<FormPages> formPages;

    /** The request attribute that names, on the 403 page, the page of a form sent stale. */
    static final String FORM_PAGE = "staleFormPage";

    private final AccessDeniedHandler refused = new AccessDeniedHandlerImpl();

    private final AuthenticationTrustResolver signedIn = new AuthenticationTrustResolverImpl();

    /** @param pages the controllers' mapping (not the static resources', which would answer any address) */
    RefusedAddresses(ObjectProvider<HandlerMapping> pages, ObjectProvider<FormPages> formPages) {
        this.pages = pages;
        this.formPages = formPages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException) {
            formExpired(request, response);
            return;
        }
        Answer answer = lookUp(pages.getObject(), request, denied).answer();
        if (answer == Answer.NONE) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
        else if (answer == Answer.OTHER_METHODS && "GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            response.sendRedirect(request.getContextPath() + formPages.getObject().pageAt(path));
        }
        else {
            refused.handle(request, response, denied);
        }
    }

    /**
     * A form sent with no token that its session knows: the session ended while the form was open (a timeout, a
     * restart), or its user signed in again in another tab, which changes the token. Nothing was refused for the
     * role, so "no permission" would mislead. Signed out, the user is asked to sign in again and then led back to
     * the form's page; signed in, is told that the form was stale and offered its page again.
     */
    private void formExpired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Before the anonymous filter has run, a browser signed out has no authentication at all.
        if (!signedIn.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            if ("/logout".equals(path)) {
                response.sendRedirect(request.getContextPath() + "/login?logout");
                return;
            }
            if (!"/login".equals(path)) {
                // Never the request itself: replayed after the login, it would pass without its token.
                request.getSession().setAttribute(AccountLoginSuccessHandler.FORM_PAGE,
                        formPages.getObject().pageAt(path));
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        request.setAttribute(FORM_PAGE, formPages.getObject().pageAt(path));
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /**
     * What the controllers of {@code pages} answer at the request's address, whatever the rules let through. A
     * request refused for a missing CSRF token is a refused page whatever its address (the logout, say, is no
     * controller's).
     */
    static Found lookUp(HandlerMapping pages, HttpServletRequest request, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return new Found(Answer.PAGE, Set.of());
        }
        // The security filters run before the dispatcher has parsed the path that the mapping looks up.
        RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return new Found(pages.getHandler(request) != null ? Answer.PAGE : Answer.NONE, Set.of());
        }
        catch (HttpRequestMethodNotSupportedException otherMethods) {
            Set<HttpMethod> methods = otherMethods.getSupportedHttpMethods();
            return new Found(Answer.OTHER_METHODS, methods == null ? Set.of() : methods);
        }
        catch (Exception mappedOtherwise) {
            // Such as a page at this address that produces another type: it exists.
            return new Found(Answer.PAGE, Set.of());
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
