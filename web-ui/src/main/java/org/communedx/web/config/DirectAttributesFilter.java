package org.communedx.web.config;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request attributes read and written without a detour through every request wrapper. Thymeleaf keeps a page's model
 * and each of its local variables ({@code th:each}, {@code th:with}, a fragment's parameters) as request attributes:
 * thousands of look-ups a page. By the time a request reaches Spring MVC, Spring Security and Spring Session have
 * wrapped it four times, and each wrapper hands every attribute call on to the next; a profile of the scorecard put
 * 15% of its samples in that chain (docs/performance.md, "Rendering"). This filter, the last before the dispatcher,
 * sends attribute calls past the wrappers that only hand them on, to the request below them. A wrapper that does
 * something of its own with attributes keeps its place, and so does the request Tomcat slips in under the wrappers
 * for a forward or an include: the request below is asked for on every call, not kept.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectAttributesFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletRequestWrapper deepest = deepestPassingWrapper(request);
        chain.doFilter(deepest == null ? request : new DirectAttributes(request, deepest), response);
    }

    /** The last of the wrappers, from {@code request} down, that only hand attribute calls on; null when none does. */
    static ServletRequestWrapper deepestPassingWrapper(ServletRequest request) {
        ServletRequestWrapper deepest = null;
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper && PASSES_ATTRIBUTES_ON.get(wrapper.getClass())) {
            deepest = wrapper;
            current = wrapper.getRequest();
        }
        return deepest;
    }

    /** Whether a wrapper leaves all four attribute methods as {@link ServletRequestWrapper} wrote them. */
    private static final ClassValue<Boolean> PASSES_ATTRIBUTES_ON = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return declaredByWrapper(type.getMethod("getAttribute", String.class))
                        && declaredByWrapper(type.getMethod("getAttributeNames"))
                        && declaredByWrapper(type.getMethod("setAttribute", String.class, Object.class))
                        && declaredByWrapper(type.getMethod("removeAttribute", String.class));
            }
            catch (NoSuchMethodException impossible) {
                return false;
            }
        }

        private static boolean declaredByWrapper(Method method) {
            return method.getDeclaringClass() == ServletRequestWrapper.class;
        }
    };

    /** The request as the filters left it, but for its attributes, which go to what lies below its wrappers. */
    static final class DirectAttributes extends HttpServletRequestWrapper {

        private final ServletRequestWrapper deepest;

        DirectAttributes(HttpServletRequest request, ServletRequestWrapper deepest) {
            super(request);
            this.deepest = deepest;
        }

        @Override
        public Object getAttribute(String name) {
            return deepest.getRequest().getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return deepest.getRequest().getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            deepest.getRequest().setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            deepest.getRequest().removeAttribute(name);
        }
    }
}
