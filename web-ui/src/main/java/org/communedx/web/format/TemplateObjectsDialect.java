package org.communedx.web.format;

import java.util.Set;

import org.communedx.service.token.TokenActors;
import org.communedx.service.user.AccountNames;
import org.communedx.web.home.CurrentUser;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Puts the tracker's own objects into every template: {@link Formats} as {@code #formats}, in the language of the
 * page; {@link EntryTexts} as {@code #entries}, in that language too; {@link Badges} as {@code #badges}; and
 * {@link CurrentUser} as {@code #user}; {@link ActorNames} as {@code #actors}. Each is built at most once per page, when
 * the page first uses it.
 */
@Component
class TemplateObjectsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String FORMATS = "formats";

    private static final String ENTRIES = "entries";

    private static final String BADGES = "badges";

    private static final String USER = "user";

    private static final String ACTORS = "actors";

    private final TokenActors tokenActors;

    private final AccountNames accountNames;

    TemplateObjectsDialect(TokenActors tokenActors, AccountNames accountNames) {
        super("Commune DX template objects");
        this.tokenActors = tokenActors;
        this.accountNames = accountNames;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(FORMATS, ENTRIES, BADGES, USER, ACTORS);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return switch (expressionObjectName) {
                    case BADGES -> Badges.INSTANCE;
                    case USER -> CurrentUser.fromSecurityContext();
                    case ACTORS -> new ActorNames((ITemplateContext) context, tokenActors, accountNames);
                    // The page's #formats, not a second one.
                    case ENTRIES -> new EntryTexts((ITemplateContext) context,
                            (Formats) context.getExpressionObjects().getObject(FORMATS));
                    default -> new Formats(context.getLocale());
                };
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
