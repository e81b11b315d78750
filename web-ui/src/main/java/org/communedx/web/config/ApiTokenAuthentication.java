package org.communedx.web.config;

import java.util.List;

import org.communedx.service.token.ApiTokenPrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token: it holds the token's role as its one authority, as an account's login
 * holds the account's, so that SecurityConfiguration's rules and the services' role checks read it alike, and
 * {@code Scopes} finds its unit in the {@link ApiTokenPrincipal}.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final ApiTokenPrincipal principal;

    ApiTokenAuthentication(ApiTokenPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public ApiTokenPrincipal getPrincipal() {
        return principal;
    }

    /** A token is its own credential, and is not kept once checked. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.getName();
    }
}
