package org.communedx.model.framework;

import java.util.Locale;

/** A text in Vietnamese and English; Vietnamese serves every other language. */
public record LocalizedText(String vi, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
