package org.communedx.web.config;

import org.springframework.context.MessageSource;

/** The application's message bundles, set up as {@link MessagesConfiguration} sets them up, for unit tests. */
public final class Bundles {

    private Bundles() {
    }

    public static MessageSource messages() {
        return new MessagesConfiguration().messageSource("messages");
    }
}
