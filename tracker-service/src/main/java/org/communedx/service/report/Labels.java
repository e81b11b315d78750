package org.communedx.service.report;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The words of an export in the user's language: headers, statuses, yes and no. The web layer passes its message
 * bundles and the request's locale, so that service code needs no servlet API and names only message keys.
 */
public record Labels(MessageSource messages, Locale locale) {

    /** The text of a key; a missing key is a defect and fails loudly rather than showing the key. */
    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
