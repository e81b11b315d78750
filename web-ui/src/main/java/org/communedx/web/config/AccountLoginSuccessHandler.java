package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.communedx.service.user.AccountAuthorities;
import org.communedx.service.user.AccountSettings;
import org.communedx.service.user.AccountSettings.AccountView;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After login the interface speaks the language this browser chose, else the account's, and a user who must change
 * the password goes to the change page first; everyone else goes where they were headed (the page of a form sent after
 * its session ended, or a page opened signed out), or home. A login whose account changed while it was being checked
 * is undone.
 */
final class AccountLoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    /**
     * The session attribute naming the page of a form sent after its session ended ({@link RefusedAddresses}), to
     * lead back to after the login.
     */
    static final String FORM_PAGE = AccountLoginSuccessHandler.class.getName() + ".formPage";

    private final AccountSettings accounts;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    AccountLoginSuccessHandler(AccountSettings accounts) {
        this.accounts = accounts;
        setRequestCache(requestCache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        AccountView account = accounts.account(authentication.getName());
        if (!stillAsLoggedIn(account, authentication)) {
            // The login read the account before it checked the password; a role change, reset or disabling that
            // committed in between found no session of this login to end, as it is registered only now.
            logout.logout(request, response, authentication);
            getRedirectStrategy().sendRedirect(request, response, "/login?ended");
            return;
        }
        // The account's language is for a browser that has chosen none; one chosen on the login page itself stays
        // (an English reader was landed on Vietnamese pages).
        AccountLanguage.use(request, account.language());
        String formPage = takeFormPage(request);
        if (AccountAuthorities.mustChangePassword(authentication)) {
            requestCache.removeRequest(request, response);
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, PasswordChangeGate.CHANGE_PAGE);
            return;
        }
        if (formPage != null && requestCache.getRequest(request, response) == null) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, formPage);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    private static String takeFormPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String page = (String) session.getAttribute(FORM_PAGE);
        session.removeAttribute(FORM_PAGE);
        return page;
    }

    private static boolean stillAsLoggedIn(AccountView account, Authentication authentication) {
        return account.enabled() && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + account.role().name()).equals(authority.getAuthority()))
                && account.mustChangePassword() == AccountAuthorities.mustChangePassword(authentication);
    }
}
