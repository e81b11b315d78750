package org.communedx.web.config;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for people. Every route needs a rule here: what is not listed is refused (default deny).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/").authenticated()
                        .requestMatchers(HttpMethod.GET, "/frameworks", "/frameworks/*/*")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        .requestMatchers(HttpMethod.POST, "/frameworks/*/*/clone", "/frameworks/*/*/publish",
                                "/frameworks/*/*/retire").hasRole("ADMIN")
                        // Framework files: everyone who may view a version may download it; only administrators
                        // import, or open and submit the forms that edit a draft (GET and POST alike).
                        .requestMatchers(HttpMethod.GET, "/frameworks/*/*/export/yaml", "/frameworks/*/*/export/xlsx")
                            .hasAnyRole("ADMIN", "PROVINCE_MANAGER")
                        .requestMatchers("/frameworks/import", "/frameworks/*/*/title", "/frameworks/*/*/groups/new",
                                "/frameworks/*/*/groups/*/edit", "/frameworks/*/*/groups/*/remove",
                                "/frameworks/*/*/groups/*/move-up", "/frameworks/*/*/groups/*/move-down",
                                "/frameworks/*/*/groups/*/criteria/new", "/frameworks/*/*/criteria/*/edit",
                                "/frameworks/*/*/criteria/*/remove", "/frameworks/*/*/criteria/*/move-up",
                                "/frameworks/*/*/criteria/*/move-down").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/frameworks", "/api/v1/frameworks/*/*")
                            .authenticated()
                        .requestMatchers(HttpMethod.GET, "/units/import").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/units/import/list", "/units/import/merges").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/units", "/units/*", "/api/v1/units", "/api/v1/units/*")
                            .authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
