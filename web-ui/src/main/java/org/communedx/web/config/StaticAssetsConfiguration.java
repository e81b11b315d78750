package org.communedx.web.config;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files are cached for good, so that a commune on a slow link downloads Bootstrap and Chart.js once, not on
 * every page. That is safe only because their addresses change with their content: the application's own files are
 * linked with a hash of their content in the name ({@code /assets/css/app-<md5>.css}, which Thymeleaf's
 * {@code @{...}} writes through the resource chain), and the webjars with their version
 * ({@code /webjars/bootstrap/5.3.8/...}). Spring Security leaves a Cache-Control header that a handler has set, so
 * pages keep its {@code no-store}.
 * <p>
 * The handlers replace Spring Boot's own for the same two patterns ({@code spring.mvc.static-path-pattern} and
 * {@code spring.mvc.webjars-path-pattern}), which it skips once they are registered: its properties cannot say
 * {@code immutable}, which keeps browsers from revalidating even on a reload.
 * <p>
 * {@code /favicon.ico}, whose address cannot change, is kept for a day.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticAssetsConfiguration implements WebMvcConfigurer {

    static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final WebMvcProperties mvc;

    private final WebProperties web;

    StaticAssetsConfiguration(WebMvcProperties mvc, WebProperties web) {
        this.mvc = mvc;
        this.web = web;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(mvc.getStaticPathPattern())
                .addResourceLocations(web.getResources().getStaticLocations())
                .setCacheControl(FOR_GOOD)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // Browsers ask for /favicon.ico by themselves (a PDF, an image); the pages link the hashed copy.
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/img/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
        registry.addResourceHandler(mvc.getWebjarsPathPattern())
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_GOOD)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
