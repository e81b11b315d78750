package org.communedx.model;

import java.util.List;

/**
 * A change that the domain refuses: an illegal transition, a value out of range, a plan whose target cannot be
 * met. The message key and arguments are resolved in the user's language by the web layer.
 */
public class RuleViolation extends RuntimeException {

    private final String messageKey;

    private final List<Object> arguments;

    public RuleViolation(String messageKey, Object... arguments) {
        super(messageKey + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
