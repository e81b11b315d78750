package org.communedx.model.framework;

import java.io.Serializable;
import java.util.List;

/**
 * One reason a framework version cannot be published. The message key and arguments are resolved in the
 * user's language by the web layer.
 * Serializable: the web layer keeps it in the session for the next page, and shared sessions are stored serialized.
 * @param code the criterion or group code the problem is about, or the framework code
 */
public record FrameworkProblem(String code, String messageKey, List<Object> arguments) implements Serializable {

    public FrameworkProblem(String code, String messageKey, Object... arguments) {
        this(code, messageKey, List.of(arguments));
    }
}
