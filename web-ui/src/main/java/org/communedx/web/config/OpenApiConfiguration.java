package org.communedx.web.config;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description at {@code /v3/api-docs} says about signing in: the API chain of SecurityConfiguration
 * takes an API token as {@code Authorization: Bearer} (ApiTokenFilter) or an account's username and password as HTTP
 * Basic, and every operation in the description (all of them under {@code /api/}, application.yml) takes either.
 * Declared once for the whole description, so that a client generated from it sends one of them on every call; and
 * the refusals every operation may answer, as problem JSON ({@link #problemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

    static final String BASIC = "basicAccount";

    static final String PROBLEM = "Problem";

    /**
     * The refusals any operation may answer, by status; a write's come on top ({@link #WRITE_REFUSALS}). Sorted, so
     * that every instance describes them in one order.
     */
    private static final Map<String, String> REFUSALS = new TreeMap<>(Map.of(
            "400", "A parameter or field is not valid; errors names each (field, code, message, index in a bulk).",
            "401", "No valid credentials: no token or password, or a token expired or revoked.",
            "403", "The caller's role may not do this (or, with a browser's session cookie, its CSRF token is "
                    + "missing).",
            "404", "Not found, or outside the caller's scope: the two are not told apart.",
            "429", "Too many wrong passwords from this address: wait the seconds Retry-After gives."));

    private static final Map<String, String> WRITE_REFUSALS = new TreeMap<>(Map.of(
            "409", "The workflow refuses it: the entry's status, or the period closed to communes (with its deadline).",
            "413", "The body, or an uploaded file, is larger than the bound.",
            "415", "The body is of a type the address does not take; Accept lists those it takes.",
            "422", "The Idempotency-Key was used for another request."));

    @Bean
    OpenAPI trackerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Commune DX Tracker API").version("v1")
                        .description("Read a unit's progress, plans, frameworks and periods; write commune entries, "
                                + "evidence and a province's suggested values. Every refusal is problem JSON "
                                + "(RFC 9457) in the caller's Accept-Language, with code, the message's key."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("cdx_<id>_<secret>")
                                .description("An API token, cdx_<id>_<secret>, issued on the page /api-tokens by an "
                                        + "administrator or a provincial manager and shown once. It acts with its own "
                                        + "role and unit, needs no session, and is refused (401, WWW-Authenticate: "
                                        + "Bearer error=\"invalid_token\") once it expires or is revoked, or its issuer "
                                        + "is disabled or may no longer issue it."))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("An account's username and password, acting as that account. Each call "
                                        + "checks the password (slow on purpose); wrong passwords count towards the "
                                        + "account's lockout. Prefer a token for systems.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Every operation's refusals, as problem JSON: springdoc lists only the answers a controller declares, so a client
     * generated from the description knew nothing of them. An operation's own answer for a status stays.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .description("RFC 9457 problem details, with the message in the caller's language")
                    .addProperty("title", new StringSchema()).addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema().description("The message, in the caller's language"))
                    .addProperty("instance", new StringSchema())
                    .addProperty("code", new StringSchema().description("The message's key, e.g. api.refused.stale"))
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                            .addProperty("index", new IntegerSchema()).addProperty("field", new StringSchema())
                            .addProperty("code", new StringSchema()).addProperty("message", new StringSchema()))));
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                // A header declared by name alone (If-Match, Idempotency-Key) has no schema, which OpenAPI requires.
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(parameter -> parameter.getSchema() == null
                            && parameter.getContent() == null).forEach(parameter -> parameter.setSchema(
                                    new StringSchema()));
                }
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                ApiResponses responses = operation.getResponses();
                REFUSALS.forEach((status, description) -> refusal(responses, status, description));
                if (method != HttpMethod.GET) {
                    WRITE_REFUSALS.forEach((status, description) -> refusal(responses, status, description));
                }
                boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> "If-Match".equals(parameter.getName()));
                if (ifMatch) {
                    refusal(responses, "412", "The entry changed since its ETag was read: read it again.");
                    refusal(responses, "428", "If-Match is missing: send the entry's ETag.");
                }
            }));
        };
    }

    private static void refusal(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
