package org.communedx.web.format;

import java.util.HashMap;
import java.util.Map;

import org.communedx.service.token.TokenActors;
import org.communedx.service.user.AccountNames;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.ITemplateContext;

/**
 * Who changed something, as the pages name them, as {@code #actors}: an account by its display name and username
 * ("UBND xã Yên Phú (xa.yenphu)", where the username alone told a commune little of its reviewer); an API token by
 * its name and the account that issued it ("Mã API «Cổng DVC tỉnh» do tinh.phutho cấp"), where the trail keeps only
 * {@code token:2}. One per page, which asks for each actor once however many rows name them.
 */
public final class ActorNames {

    private final ITemplateContext page;

    private final TokenActors tokens;

    private final AccountNames accounts;

    private final Map<String, String> named = new HashMap<>();

    ActorNames(ITemplateContext page, TokenActors tokens, AccountNames accounts) {
        this.page = page;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** The actor as a page names them: a token described, an account by its name, anyone else as recorded. */
    public @Nullable String name(@Nullable String actor) {
        if (actor == null) {
            return null;
        }
        return named.computeIfAbsent(actor, recorded -> {
            String token = token(recorded);
            if (token != null) {
                return token;
            }
            return accounts.displayName(recorded).map(displayName -> page.getMessage(null, "actor.account",
                    new Object[] { displayName, recorded }, true)).orElse(recorded);
        });
    }

    /** The token an actor is, described; null for an account. */
    public @Nullable String token(@Nullable String actor) {
        return tokens.of(actor).map(token -> page.getMessage(null, "actor.token",
                new Object[] { token.name(), token.issuer() }, true)).orElse(null);
    }
}
