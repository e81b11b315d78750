package org.communedx.model.framework;

import java.util.List;

/**
 * One reason a framework version cannot be published. The message key and arguments are resolved in the
 * user's language by the web layer.
 * @param code the criterion or group code the problem is about, or the framework code
 */
public record FrameworkProblem(String code, String messageKey, List<Object> arguments) {

    public FrameworkProblem(String code, String messageKey, Object... arguments) {
        this(code, messageKey, List.of(arguments));
    }
}
