package org.communedx.web.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal of the API that the web layer itself makes (a body too large, a missing {@code If-Match}, a reused
 * key, a value of the wrong shape), with its status and message; {@link ApiProblems} answers it as problem JSON.
 * @param errors the problems by field (and index, in a bulk request); empty when the message says it all
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    private final String messageKey;

    private final List<Object> arguments;

    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String messageKey, List<Object> arguments) {
        this(status, messageKey, arguments, List.of());
    }

    ApiProblem(HttpStatus status, String messageKey, List<Object> arguments, List<FieldError> errors) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.errors = errors;
    }

    /** One problem of a field, of the suggestion at {@code index} in a bulk request (null otherwise). */
    record FieldError(Integer index, String field, String code, List<Object> arguments) {
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    List<Object> arguments() {
        return arguments;
    }

    List<FieldError> errors() {
        return errors;
    }
}
