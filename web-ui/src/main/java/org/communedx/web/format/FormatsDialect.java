package org.communedx.web.format;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Puts {@link Formats} into every template as {@code #formats}, in the language of the page, and {@link Badges} as
 * {@code #badges}.
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String FORMATS = "formats";

    private static final String BADGES = "badges";

    FormatsDialect() {
        super("Commune DX formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(FORMATS, BADGES);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return BADGES.equals(expressionObjectName) ? Badges.INSTANCE : new Formats(context.getLocale());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
