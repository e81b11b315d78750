package org.communedx.service.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * A write that a unique key refuses reaches the application as a {@link DuplicateKeyException}, as JDBC's writes do,
 * rather than the plain DataIntegrityViolationException that JPA's translation gives every constraint. Two requests
 * creating the same thing at once (an account sent twice by a double click) both pass the services' own checks; the
 * second is then told that the data changed meanwhile and nothing was saved (409), not that something went wrong
 * (500). Every other failure keeps Hibernate's own translation.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeys {

    /** PostgreSQL's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    static BeanPostProcessor uniqueViolationsAsDuplicateKeys() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter adapter) {
                    adapter.getJpaDialect().setJdbcExceptionTranslator((task, sql, ex) ->
                            UNIQUE_VIOLATION.equals(ex.getSQLState())
                                    ? new DuplicateKeyException(task + ": " + ex.getMessage(), ex) : null);
                }
                return bean;
            }
        };
    }
}
