package org.communedx.model.framework;

import java.io.Serializable;
import java.util.Locale;

/**
 * A text in Vietnamese and English; Vietnamese serves every other language. Serializable: a problem that names a score
 * class by it is kept in the session for the next page, and shared sessions are stored serialized.
 */
public record LocalizedText(String vi, String en) implements Serializable {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
