package org.communedx.web.report;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Exports stream on MVC async threads, and the container's default async timeout (30 s in Tomcat) would cut off a
 * national XLSX half-way over a slow link. Only the downloads of this package are asynchronous.
 */
@Configuration(proxyBeanMethods = false)
class ExportAsyncConfiguration implements WebMvcConfigurer {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(TIMEOUT.toMillis());
    }
}
