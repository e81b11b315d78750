package org.communedx.web.config;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default, or the signed-in account's language ({@link AccountLanguage}); {@code ?lang=en} switches this
 * browser to English and a cookie remembers the choice. A script calling the JSON API, which keeps no cookie, is
 * answered in its {@code Accept-Language}, as the README promises.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    /** The cookie that remembers the language this browser chose. */
    static final String COOKIE = "communedx-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** Only the languages we ship bundles for; anything else falls back to Vietnamese. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super(COOKIE);
            setDefaultLocale(VIETNAMESE);
            // Pages stay Vietnamese whatever a browser's own language (English on many of the communes' computers),
            // or speak the signed-in account's for as long as its session lasts; so does a page's own script calling
            // the API in that session (the dashboard's charts were labelled in the browser's English). A script of
            // its own, with no session, is answered in its Accept-Language.
            setDefaultLocaleFunction(request -> request.getSession(false) == null && ApiPaths.isApi(request)
                    && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? preferred(request)
                    : AccountLanguage.of(request).map(SupportedLocaleResolver::supported).orElse(VIETNAMESE));
            setCookieMaxAge(Duration.ofDays(365));
            setCookieSameSite("Lax");
            setCookieHttpOnly(true);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }

        /**
         * The first of the caller's languages the tracker speaks, in the caller's order of preference, else
         * Vietnamese: "fr, en;q=0.5" is English. The first language alone (French) reached the API's messages,
         * which answered with their keys, as the bundles have no French.
         */
        private static Locale preferred(HttpServletRequest request) {
            for (Locale asked : Collections.list(request.getLocales())) {
                for (Locale candidate : SUPPORTED) {
                    if (candidate.getLanguage().equals(asked.getLanguage())) {
                        return candidate;
                    }
                }
            }
            return VIETNAMESE;
        }

        private static Locale supported(Locale locale) {
            return SUPPORTED.stream()
                    .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                    .findFirst()
                    .orElse(VIETNAMESE);
        }
    }
}
