package org.communedx.service.database;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Batching both ways. Writes: importing the national unit list inserts some 10,700 rows, which one round trip per row
 * would make several times slower. Reads: a lazy collection or reference loads together with up to 63 others of its
 * kind that the persistence context holds, not one query each. Opening a period a commune has not begun walked the
 * framework's groups and their criteria one query a group, and a banded criterion's score steps one query each.
 */
@Configuration(proxyBeanMethods = false)
class HibernateBatching {

    @Bean
    HibernatePropertiesCustomizer jdbcBatching() {
        return properties -> {
            properties.put("hibernate.jdbc.batch_size", 100);
            properties.put("hibernate.order_updates", true);
            properties.put("hibernate.default_batch_fetch_size", 64);
        };
    }
}
