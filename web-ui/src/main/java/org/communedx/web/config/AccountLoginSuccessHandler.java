package org.communedx.web.config;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.user.AccountAuthorities;
import org.communedx.service.user.AccountSettings;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After login the interface speaks the user's chosen language, and a user who must change the password goes
 * to the change page first; everyone else goes where they were headed, or home.
 */
final class AccountLoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AccountSettings accounts;

    private final LocaleResolver localeResolver;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    AccountLoginSuccessHandler(AccountSettings accounts, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.localeResolver = localeResolver;
        setRequestCache(requestCache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        String language = accounts.account(authentication.getName()).language();
        localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
        if (AccountAuthorities.mustChangePassword(authentication)) {
            requestCache.removeRequest(request, response);
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, PasswordChangeGate.CHANGE_PAGE);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
