package org.communedx.web.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What every refusal of the JSON API says: problem JSON (RFC 9457) whose {@code detail} is the message in the caller's
 * language and whose {@code code} is its key. {@code ApiProblems} answers the controllers' refusals with it; the
 * refusals made before any controller runs (no valid credentials, a client that must wait after wrong passwords, a
 * role that may not write) are written here, since no message converter is at hand there.
 */
@Component
public class ApiRefusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    private final LocaleResolver locales;

    public ApiRefusals(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The refusal's problem, without the request's address (Spring adds it where a controller answers). */
    public ProblemDetail problem(HttpStatus status, String messageKey, List<Object> arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messageKey, arguments, locale));
        // The title names the kind of problem in the caller's language too, not only the detail.
        problem.setTitle(messages.getMessage("api.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setProperty("code", messageKey);
        return problem;
    }

    /** The message of the key in the locale, its arguments formatted as the pages format them; the key where the bundles lack it. */
    public String message(String messageKey, List<Object> arguments, Locale locale) {
        return messages.getMessage(messageKey, arguments.toArray(), messageKey, locale);
    }

    /** A refusal made before any controller runs, in the language the request resolves to. */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        write(request, response, status, messageKey, List.of());
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
            List<Object> arguments) throws IOException {
        ProblemDetail problem = problem(status, messageKey, arguments, locales.resolveLocale(request));
        // The fields a controller's ProblemDetail is written with, which leaves out the type "about:blank", as an
        // absent type means it (RFC 9457): written here, a 403 had it and a 404 from a controller had not.
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        body.putAll(problem.getProperties());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
