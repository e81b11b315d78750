package org.communedx.web.token;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

/**
 * The issue keys of the token forms that issued a token in this session, the latest few: a form sent again (the
 * issued page reloaded) is known by its key. Kept in the session, which holds no secret by it. Serializable, as shared
 * sessions are stored.
 */
final class IssuedForms implements Serializable {

    private static final String ATTRIBUTE = IssuedForms.class.getName();

    /** Far more than one person issues between two page loads, and still a few hundred bytes. */
    private static final int KEPT = 20;

    private final Deque<String> keys = new ArrayDeque<>();

    /** Whether a form of this key already issued a token in this session. */
    static boolean issued(HttpSession session, @Nullable String key) {
        return key != null && session.getAttribute(ATTRIBUTE) instanceof IssuedForms forms && forms.keys.contains(key);
    }

    /** Remembers that the form of this key issued a token; set again, as a stored session saves only what is set. */
    static void remember(HttpSession session, @Nullable String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        IssuedForms forms = session.getAttribute(ATTRIBUTE) instanceof IssuedForms kept ? kept : new IssuedForms();
        forms.keys.addFirst(key);
        while (forms.keys.size() > KEPT) {
            forms.keys.removeLast();
        }
        session.setAttribute(ATTRIBUTE, forms);
    }

    /** Forgets a key whose form issued nothing after all (refused), so that it may be sent again, mended. */
    static void forget(HttpSession session, @Nullable String key) {
        if (key != null && session.getAttribute(ATTRIBUTE) instanceof IssuedForms forms && forms.keys.remove(key)) {
            session.setAttribute(ATTRIBUTE, forms);
        }
    }
}
