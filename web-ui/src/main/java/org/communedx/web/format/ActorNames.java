package org.communedx.web.format;

import org.communedx.service.token.TokenActors;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.ITemplateContext;

/**
 * Who changed something, as the pages name them, as {@code #actors}: an account by its username, as before; an API
 * token by its name and the account that issued it ("Mã API «Cổng DVC tỉnh» do tinh.phutho cấp"), where the trail
 * keeps only {@code token:2}.
 */
public final class ActorNames {

    private final ITemplateContext page;

    private final TokenActors tokens;

    ActorNames(ITemplateContext page, TokenActors tokens) {
        this.page = page;
        this.tokens = tokens;
    }

    /** The actor as a page names them: a token described, anyone else as recorded. */
    public @Nullable String name(@Nullable String actor) {
        String token = token(actor);
        return token != null ? token : actor;
    }

    /** The token an actor is, described; null for an account. */
    public @Nullable String token(@Nullable String actor) {
        return tokens.of(actor).map(token -> page.getMessage(null, "actor.token",
                new Object[] { token.name(), token.issuer() }, true)).orElse(null);
    }
}
