package org.communedx.service.notification;

import java.util.List;
import java.util.Locale;

/**
 * Writes the e-mail that one or more notices become, in the recipient's language: a subject, a plain text and an HTML
 * part, each with exactly one link back into the tracker. The web module implements it with its templates and
 * message bundles, which this module does not hold.
 */
public interface MailComposer {

    /**
     * @param notices one notice for an {@code IMMEDIATE} e-mail, the day's for a digest
     * @param digest whether it is a digest
     */
    ComposedMail compose(String displayName, Locale locale, List<NoticeView> notices, boolean digest);

    /** An e-mail ready to send. */
    record ComposedMail(String subject, String text, String html) {
    }
}
