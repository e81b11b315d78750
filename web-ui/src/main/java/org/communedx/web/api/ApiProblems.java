package org.communedx.web.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.service.NotFoundException;
import org.communedx.service.suggestion.SuggestedValues.SuggestionsRefused;
import org.communedx.web.config.ApiRefusals;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's refusals as problem JSON (RFC 9457), each with its message in the caller's language
 * ({@code Accept-Language}) and, where fields are at fault, an {@code errors} list of {@code index} (in a bulk
 * request), {@code field}, {@code code} (the message key) and {@code message}. Out of scope or missing is 404, a
 * role that may not act 403, a stale version 412, a refusal of the workflow (a move its status does not allow, the
 * deadline passed) 409, a query parameter missing, of the wrong type or out of its range 400. Before the pages' handler, for every
 * {@link RestController}: the API's controllers, reads and writes, are those, and the pages' are not.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private final ApiRefusals refusals;

    ApiProblems(ApiRefusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.messageKey(), problem.arguments(), problem.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "api.refused.notFound", List.of(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(HttpStatus.FORBIDDEN, "api.refused.forbidden", List.of(), List.of());
    }

    @ExceptionHandler(EntryConflict.class)
    ResponseEntity<ProblemDetail> stale() {
        return problem(HttpStatus.PRECONDITION_FAILED, "api.refused.stale", List.of(), List.of());
    }

    /**
     * Another write changed the same rows at the same moment (a commune saving an entry during a province's bulk
     * push): nothing was saved, and sending the request again is safe.
     */
    @ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
    ResponseEntity<ProblemDetail> concurrentChange() {
        return problem(HttpStatus.CONFLICT, "api.refused.concurrentChange", List.of(), List.of());
    }

    @ExceptionHandler(SuggestionsRefused.class)
    ResponseEntity<ProblemDetail> suggestionsRefused(SuggestionsRefused refused) {
        return problem(HttpStatus.BAD_REQUEST, "api.refused.suggestions", List.of(refused.problems().size()),
                refused.problems().stream().map(p -> new ApiProblem.FieldError(p.index(), p.field(), p.messageKey(),
                        p.arguments())).toList());
    }

    /**
     * {@code ?period=abc}, a required parameter left out, or one out of its range ({@code threshold=1000}): named, so
     * the caller knows which.
     */
    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HandlerMethodValidationException.class })
    ResponseEntity<ProblemDetail> badParameter(Exception ex) {
        String name;
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            name = mismatch.getName();
        }
        else if (ex instanceof MissingServletRequestParameterException missing) {
            name = missing.getParameterName();
        }
        else {
            name = ((HandlerMethodValidationException) ex).getParameterValidationResults().stream()
                    .map(result -> requestName(result.getMethodParameter())).distinct()
                    .collect(Collectors.joining(", "));
        }
        return problem(HttpStatus.BAD_REQUEST, "api.refused.parameter", List.of(name), List.of());
    }

    /** The parameter as the address names it ({@code period}), not as the Java method does ({@code year}). */
    private static String requestName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation refused) {
        return problem(HttpStatus.CONFLICT, refused.messageKey(), refused.arguments(), List.of());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, List<Object> arguments,
            List<ApiProblem.FieldError> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = refusals.problem(status, key, arguments, locale);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(error -> {
                Map<String, Object> line = new java.util.LinkedHashMap<>();
                if (error.index() != null) {
                    line.put("index", error.index());
                }
                line.put("field", error.field());
                line.put("code", error.code());
                line.put("message", refusals.message(error.code(), error.arguments(), locale));
                return line;
            }).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
