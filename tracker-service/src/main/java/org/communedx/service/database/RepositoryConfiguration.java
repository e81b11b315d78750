package org.communedx.service.database;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories of the model. Their declared queries are read by Spring Data's simpler, pattern-based query
 * enhancer, not its HQL grammar: the grammar parsed the 27 {@code @Query} strings once each at start-up, cold, for
 * 1.5 s of a start that officials wait for, and all it is needed for here is the alias, the sort and the count query of
 * one paged search, which the pattern-based reading derives alike ({@code UserAdminIT} pages and sorts it). Hibernate
 * still parses and checks every query itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "org.communedx.model",
        queryEnhancerSelector = RepositoryConfiguration.PatternQueryReading.class)
public class RepositoryConfiguration {

    /** Reads every declared query, JPQL or native, with {@link QueryEnhancerFactories#fallback()}. */
    public static final class PatternQueryReading implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
