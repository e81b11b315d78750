package org.communedx.web.config;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are the JSON API's: those under {@code /api/}. Every part that answers them otherwise than the pages
 * (problem JSON instead of an error page, the caller's language instead of Vietnamese, their own reading of uploads)
 * asks here, so that the code names the API's address once; application.yml names it too, for the OpenAPI document
 * ({@code springdoc.paths-to-match}).
 */
public final class ApiPaths {

    /** The API's path within the application, as Spring Security's matcher names it with {@code **} appended. */
    static final String PREFIX = "/api/";

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
    }
}
