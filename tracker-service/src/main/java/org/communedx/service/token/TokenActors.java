package org.communedx.service.token;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.communedx.model.token.ApiTokenRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Who {@code token:<id>} is, where a page or a file names who changed something: the token's name and the account
 * that issued it. "token:2" alone told a commune and an auditor nothing of the provincial system that wrote a value,
 * nor of the manager behind it who may then approve it. A token's name and issuer never change, so each is read once.
 */
@Service
public class TokenActors {

    /** A token as the one who changed something: the name its issuer gave it, and the issuer's username. */
    public record TokenActor(String name, String issuer) {
    }

    private final Cache<Long, TokenActor> known = Caffeine.newBuilder().maximumSize(10_000).build();

    private final ApiTokenRepository tokens;

    TokenActors(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The token an actor names, or empty for an account's username (or a token no longer stored). */
    public Optional<TokenActor> of(@Nullable String actor) {
        if (actor == null || !actor.startsWith(ApiTokenPrincipal.NAME_PREFIX)) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(actor.substring(ApiTokenPrincipal.NAME_PREFIX.length()));
        }
        catch (NumberFormatException notAToken) {
            return Optional.empty();
        }
        TokenActor cached = known.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TokenActor> found = tokens.findById(id).map(token -> new TokenActor(token.getName(),
                token.getCreatedBy()));
        found.ifPresent(token -> known.put(id, token));
        return found;
    }
}
