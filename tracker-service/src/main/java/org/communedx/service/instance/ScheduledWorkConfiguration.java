package org.communedx.service.instance;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Work that must run once, not once per instance (the evidence sweep; retention and reminders to come), takes a
 * ShedLock lock, a row of the {@code shedlock} table (V20): a {@code @SchedulerLock} method runs only on the instance
 * that could move the row's {@code lock_until} into the future, and is skipped elsewhere. The times are the database
 * server's ({@code usingDbTime}), so instances whose clocks disagree still agree on who holds a lock. The row names
 * its holder by {@link InstanceName}. With one instance, embedded database included, the lock is always free and
 * the work runs as before.
 */
@Configuration(proxyBeanMethods = false)
// Ordered before JobRunRecording's advice, which so runs only where the lock was taken.
@EnableSchedulerLock(defaultLockAtMostFor = "PT1H", order = JobRunRecording.ORDER - 1)
class ScheduledWorkConfiguration {

    /**
     * The lock rows are written in short transactions of their own through a plain JDBC transaction manager, which is
     * not a bean and so carries none of the application's listeners: taking a lock is no change of the data, and
     * must not move the DataRevision (which would start every kept page afresh once an hour).
     */
    @Bean
    LockProvider lockProvider(DataSource dataSource, Environment environment) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTransactionManager(new JdbcTransactionManager(dataSource))
                .withLockedByValue(InstanceName.of(environment))
                .usingDbTime()
                .build());
    }
}
