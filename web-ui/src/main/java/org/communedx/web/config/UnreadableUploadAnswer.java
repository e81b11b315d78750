package org.communedx.web.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a form whose upload Tomcat could not take apart is answered, for a form that can say it better than
 * {@link TomcatErrorPage}'s page, which {@link UnreadablePartsFilter} sends otherwise. The answer runs before Spring
 * Security, and the request's CSRF token never arrived (it was in the body Tomcat gave up on): it must change nothing,
 * only tell the user.
 */
public interface UnreadableUploadAnswer {

    /** Whether this answers {@code request}'s form. */
    boolean answers(HttpServletRequest request);

    void answer(HttpServletRequest request, HttpServletResponse response, UnreadableParts reason) throws IOException;
}
