package org.communedx.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.model.ControlCharacters;
import org.communedx.model.Unicode;
import org.communedx.service.api.IdempotencyKeys;
import org.communedx.service.api.IdempotencyKeys.Answer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every write of the API does with its request before the services see it: reads the body up to a bound (the
 * bound is checked on the declared length before a byte is read, and again while reading a body of no declared
 * length), reads the entry's version from {@code If-Match}, and runs the write once per {@code Idempotency-Key}.
 */
@Component
class ApiRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdempotencyKeys keys;

    ApiRequests(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** The request's body, refused with a 413 beyond {@code maxBytes}. */
    static byte[] body(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "api.refused.tooLarge", List.of(maxBytes));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (read.length > maxBytes) {
                throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "api.refused.tooLarge", List.of(maxBytes));
            }
            return read;
        }
    }

    /** The body as a JSON object, or a 400 naming what is wrong with it. */
    static JsonNode json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.notJsonObject", List.of());
            }
            if (holdsControlCharacter(node)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.controlCharacter", List.of());
            }
            compose(node);
            return node;
        }
        catch (JacksonException ex) {
            // Cut short, not UTF-8, nested beyond Jackson's limit: not JSON at all, which "must be an object" hid.
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.notJson", List.of());
        }
    }

    /**
     * Every text of the body in NFC, as the forms' ({@code TextInput}): typed with combining marks (Unikey's "Unicode
     * tổ hợp", a Mac), 700 "Ệ" were 2,100 characters, refused as over 2,000, and stored decomposed.
     */
    private static void compose(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var property : List.copyOf(object.properties())) {
                if (property.getValue().isString()) {
                    object.put(property.getKey(), Unicode.nfc(property.getValue().asString()));
                }
                else {
                    compose(property.getValue());
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                if (array.get(index).isString()) {
                    array.set(index, Unicode.nfc(array.get(index).asString()));
                }
                else {
                    compose(array.get(index));
                }
            }
        }
    }

    /** Whether a string or a name anywhere in the body holds a {@link ControlCharacters control character}. */
    private static boolean holdsControlCharacter(JsonNode node) {
        if (node.isString()) {
            return ControlCharacters.in(node.asString());
        }
        if (node.isObject()) {
            return node.properties().stream().anyMatch(property -> ControlCharacters.in(property.getKey())
                    || holdsControlCharacter(property.getValue()));
        }
        return node.isArray() && node.values().stream().anyMatch(ApiRequests::holdsControlCharacter);
    }

    /**
     * The entry version the client saw, from {@code If-Match}: required on a write of an entry (428 without it);
     * a tag that is not a version the API gave matches no version (412).
     */
    static long ifMatch(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "api.refused.ifMatchRequired", List.of());
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException ex) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "api.refused.stale", List.of());
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Runs the write, once per {@code Idempotency-Key} when the request has one: the same key with the same request
     * (method, path, {@code If-Match}, and {@code content}) gets the first answer again without acting; with another
     * request, a 422.
     * @param content what the request carries: its body, or for a multipart upload its fields and file
     */
    ResponseEntity<String> once(HttpServletRequest request, byte[] content, java.util.function.Supplier<Answer> write) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            return entity(write.get());
        }
        if (key.isBlank() || key.length() > IdempotencyKeys.KEY_MAX) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.idempotencyKey",
                    List.of(IdempotencyKeys.KEY_MAX));
        }
        try {
            return entity(keys.once(key, hash(request, content), write));
        }
        catch (IdempotencyKeys.KeyReused ex) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "api.refused.keyReused", List.of());
        }
    }

    /** An answer of JSON, with the entry's version as its ETag when it has one. */
    static Answer answer(HttpStatus status, Object body, Long version) {
        return new Answer(status.value(), MediaType.APPLICATION_JSON_VALUE, version == null ? null : etag(version),
                JSON.writeValueAsString(body));
    }

    private static ResponseEntity<String> entity(Answer answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(answer.contentType()));
        }
        if (answer.etag() != null) {
            builder.eTag(answer.etag());
        }
        return builder.body(answer.body());
    }

    private static String hash(HttpServletRequest request, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                    + "\n" + request.getHeader(HttpHeaders.IF_MATCH) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
