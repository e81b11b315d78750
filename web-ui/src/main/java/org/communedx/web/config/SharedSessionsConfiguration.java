package org.communedx.web.config;

import javax.sql.DataSource;

import org.communedx.service.instance.SessionStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in PostgreSQL (communedx.sessions=jdbc), which Spring Boot configures from its Spring Session JDBC module
 * (see {@link SessionStoreFilter} for when it does not). Sessions in Redis (communedx.sessions=redis) need nothing
 * here: Spring Boot configures them from {@code spring.session.data.redis.*} and {@code spring.data.redis.*}, and
 * {@link RedisSessions} sees that the jar has them and that they are indexed by user name.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SharedSessionsConfiguration.JdbcSessions.class)
class SharedSessionsConfiguration {

    /**
     * Spring Session writes a session (its last access, its attributes) in transactions of its own, by default through
     * the application's transaction manager, whose every committed write moves the DataRevision: every request would
     * then start every kept page and ETag afresh. A plain JDBC transaction manager on the same database, which is not
     * a bean and so carries none of the application's listeners, keeps session writes out of the revision: they
     * change nothing a page shows. Only Spring Session asks for it, by name; nothing else is given it.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transactions;
    }

    /** Only Spring Session JDBC writes sessions in transactions; with Redis no session write touches PostgreSQL. */
    static class JdbcSessions implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return SessionStore.of(context.getEnvironment()) == SessionStore.JDBC;
        }
    }
}
