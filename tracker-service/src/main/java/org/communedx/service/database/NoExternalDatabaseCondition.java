package org.communedx.service.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) names no external server. */
public class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return holds(context.getEnvironment());
    }

    /**
     * The rule itself, for the start-up steps that run before any condition is evaluated, and for the settings whose
     * default depends on it ({@code communedx.sessions}).
     */
    public static boolean holds(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
