package org.communedx.service.database;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JDBC batching for bulk writes: importing the national unit list inserts some 10,700 rows, which one
 * round trip per row would make several times slower.
 */
@Configuration(proxyBeanMethods = false)
class HibernateBatching {

    @Bean
    HibernatePropertiesCustomizer jdbcBatching() {
        return properties -> {
            properties.put("hibernate.jdbc.batch_size", 100);
            properties.put("hibernate.order_updates", true);
        };
    }
}
