package org.communedx.web.config;

import org.communedx.service.instance.SessionStore;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Session out altogether when {@link SessionStore} says memory: Spring Boot configures it whenever its
 * module is on the class path, and has no setting to say no. The sessions are then Tomcat's, as they were before
 * Spring Session was added, and the embedded default needs nothing more than it did.
 */
public class SessionStoreFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String SPRING_SESSION = "org.springframework.boot.session.";

    private SessionStore store = SessionStore.MEMORY;

    @Override
    public void setEnvironment(Environment environment) {
        store = SessionStore.of(environment);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = store.shared() || candidate == null || !candidate.startsWith(SPRING_SESSION);
        }
        return matches;
    }
}
