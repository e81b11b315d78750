package org.communedx.service.token;

/**
 * A token that may not be issued as asked: the form shows {@code messageKey} at {@code field} ("name", "role",
 * "unitCode" or "validDays") in the user's language, and nothing was saved.
 */
public class TokenRefused extends RuntimeException {

    private final String field;

    private final String messageKey;

    private final transient Object[] arguments;

    TokenRefused(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
