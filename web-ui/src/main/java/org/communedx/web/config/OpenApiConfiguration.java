package org.communedx.web.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description at {@code /v3/api-docs} says about signing in: the API chain of SecurityConfiguration
 * takes an API token as {@code Authorization: Bearer} (ApiTokenFilter) or an account's username and password as HTTP
 * Basic, and every operation in the description (all of them under {@code /api/}, application.yml) takes either.
 * Declared once for the whole description, so that a client generated from it sends one of them on every call.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

    static final String BASIC = "basicAccount";

    @Bean
    OpenAPI trackerOpenApi() {
        return new OpenAPI()
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
}
