package org.communedx.web.config;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The signed-in account's language, kept in its session: the pages speak it where the browser has chosen none from
 * the menu. Not in the browser's cookie, which outlives the session: on a commune office's shared computer the next
 * person to log in got the language of the one before, as the cookie then passed for that browser's own choice.
 */
public final class AccountLanguage {

    private static final String ATTRIBUTE = AccountLanguage.class.getName();

    private AccountLanguage() {
    }

    /** Speaks {@code language} (a tag, "vi" or "en") for the rest of this session. */
    public static void use(HttpServletRequest request, String language) {
        request.getSession().setAttribute(ATTRIBUTE, language);
    }

    static Optional<Locale> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof String language
                ? Optional.of(Locale.forLanguageTag(language)) : Optional.empty();
    }
}
