package org.communedx.web.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The JSON API's refusals made before any controller runs (no valid credentials, a client that must wait after wrong
 * passwords, a role that may not write), as
 * problem JSON with a {@code code} and the message in the caller's language, as {@code ApiProblems} answers every
 * other refusal; they were Spring's default error body, in English.
 */
@Component
class ApiSecurityProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    private final LocaleResolver locales;

    ApiSecurityProblems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(messageKey, null, messageKey, locales.resolveLocale(request)));
        problem.put("instance", request.getRequestURI());
        problem.put("code", messageKey);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
