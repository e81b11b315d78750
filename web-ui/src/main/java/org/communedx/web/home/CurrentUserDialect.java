package org.communedx.web.home;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Puts {@link CurrentUser} into every template as {@code #user}, read once per page from the security context. */
@Component
class CurrentUserDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "user";

    CurrentUserDialect() {
        super("Commune DX current user");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new CurrentUser(SecurityContextHolder.getContext().getAuthentication());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
