package org.communedx.web.config;

import javax.sql.DataSource;

import org.communedx.service.instance.SessionStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
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
     * The pool, as Spring Session alone reaches it: through a data source of its own, which no transaction of the
     * request's is bound to, so that its writes take a connection of their own. A response that commits while a
     * transaction streams it (the audit trail's file) makes Spring Session write the session then; through the pool's
     * own data source that write joined the request's connection, read-only there, and was refused (a 500), or would
     * have committed a read-write one's work early. Not a candidate for anything else.
     */
    @Bean(defaultCandidate = false)
    @SpringSessionDataSource
    DataSource springSessionDataSource(DataSource dataSource) {
        return new DelegatingDataSource(dataSource);
    }

    /**
     * Spring Session writes a session (its last access, its attributes) in transactions of its own, by default through
     * the application's transaction manager, whose every committed write moves the DataRevision: every request would
     * then start every kept page and ETag afresh. A plain JDBC transaction manager on Spring Session's data source,
     * which is not a bean and so carries none of the application's listeners, keeps session writes out of the
     * revision: they change nothing a page shows. Only Spring Session asks for it, by name; nothing else is given it.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(@SpringSessionDataSource DataSource sessions) {
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(sessions));
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
