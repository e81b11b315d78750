package org.communedx.web.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

/**
 * The issue keys of the forms that issued a secret in this session (an API token, a user's one-time password), the
 * latest few, each with the page of what it issued. A secret is rendered by the response to its form, never carried
 * to a redirect in the session, so reloading that page sends the form again: known by its key, it leads to that page
 * instead of issuing a second secret. Kept in the session, which holds no secret by it; serializable, as shared
 * sessions are stored.
 */
public final class IssuedForms implements Serializable {

    private static final String ATTRIBUTE = IssuedForms.class.getName();

    /** Far more than one person issues between two page loads, and still a few hundred bytes. */
    private static final int KEPT = 20;

    private final LinkedHashMap<String, String> pages = new LinkedHashMap<>();

    /** The page of what a form of this key issued in this session, if it did. */
    public static Optional<String> issued(HttpSession session, @Nullable String key) {
        return key != null && session.getAttribute(ATTRIBUTE) instanceof IssuedForms forms
                ? Optional.ofNullable(forms.pages.get(key)) : Optional.empty();
    }

    /**
     * Remembers that the form of this key issues, or issued, what {@code page} shows: remembered before issuing, a
     * second request of the same form that comes meanwhile is turned away; remembered again once the page is known.
     * Set again each time, as a stored session saves only what is set.
     */
    public static void remember(HttpSession session, @Nullable String key, String page) {
        if (key == null || key.isBlank()) {
            return;
        }
        IssuedForms forms = session.getAttribute(ATTRIBUTE) instanceof IssuedForms kept ? kept : new IssuedForms();
        forms.pages.remove(key);
        forms.pages.put(key, page);
        for (var oldest = forms.pages.keySet().iterator(); forms.pages.size() > KEPT; ) {
            oldest.next();
            oldest.remove();
        }
        session.setAttribute(ATTRIBUTE, forms);
    }

    /** Forgets a key whose form issued nothing after all (refused), so that it may be sent again, mended. */
    public static void forget(HttpSession session, @Nullable String key) {
        if (key != null && session.getAttribute(ATTRIBUTE) instanceof IssuedForms forms
                && forms.pages.remove(key) != null) {
            session.setAttribute(ATTRIBUTE, forms);
        }
    }
}
