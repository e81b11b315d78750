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

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request attributes read and written without a detour through every request wrapper. Thymeleaf keeps a page's model
 * and each of its local variables ({@code th:each}, {@code th:with}, a fragment's parameters) as request attributes:
 * thousands of look-ups a page. By the time a request reaches Spring MVC, Spring's resource URL filter and Spring
 * Security have wrapped it four times, and each wrapper hands every attribute call on to the next; a profile of the
 * scorecard put 15% of its samples in that chain (docs/performance.md, "Rendering"). This filter, the last before the
 * dispatcher, sends reads past the wrappers that only hand reads on, and writes past those that only hand writes on
 * (the resource URL filter's wrapper watches writes, not reads). A wrapper that does something of its own keeps its
 * place, and so does the request Tomcat slips in under the wrappers for a forward or an include: the request below
 * is asked for on every call, not kept.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectAttributesFilter extends OncePerRequestFilter {

    /** Wrappers that leave both reading methods as {@link ServletRequestWrapper} wrote them. */
    private static final ClassValue<Boolean> PASSES_READS_ON = passingOn(new Signature("getAttribute", String.class),
            new Signature("getAttributeNames"));

    /** Wrappers that leave both writing methods as {@link ServletRequestWrapper} wrote them. */
    private static final ClassValue<Boolean> PASSES_WRITES_ON = passingOn(
            new Signature("setAttribute", String.class, Object.class), new Signature("removeAttribute", String.class));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletRequestWrapper reads = deepestPassing(request, PASSES_READS_ON);
        ServletRequestWrapper writes = deepestPassing(request, PASSES_WRITES_ON);
        boolean nothingToSkip = reads == null && writes == null;
        chain.doFilter(nothingToSkip ? request : new DirectAttributes(request, reads, writes), response);
    }

    /** The last of the wrappers, from {@code request} down, that only hand these calls on; null when none does. */
    static @Nullable ServletRequestWrapper deepestPassing(ServletRequest request, ClassValue<Boolean> passing) {
        ServletRequestWrapper deepest = null;
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper && passing.get(wrapper.getClass())) {
            deepest = wrapper;
            current = wrapper.getRequest();
        }
        return deepest;
    }

    static @Nullable ServletRequestWrapper deepestPassingReads(ServletRequest request) {
        return deepestPassing(request, PASSES_READS_ON);
    }

    static @Nullable ServletRequestWrapper deepestPassingWrites(ServletRequest request) {
        return deepestPassing(request, PASSES_WRITES_ON);
    }

    private record Signature(String name, Class<?>... parameterTypes) {
    }

    private static ClassValue<Boolean> passingOn(Signature... signatures) {
        return new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                try {
                    for (Signature signature : signatures) {
                        Method method = type.getMethod(signature.name(), signature.parameterTypes());
                        if (method.getDeclaringClass() != ServletRequestWrapper.class) {
                            return false;
                        }
                    }
                    return true;
                }
                catch (NoSuchMethodException impossible) {
                    return false;
                }
            }
        };
    }

    /** The request as the filters left it, but for its attributes, which go to what lies below its passing wrappers. */
    static final class DirectAttributes extends HttpServletRequestWrapper {

        private final @Nullable ServletRequestWrapper reads;

        private final @Nullable ServletRequestWrapper writes;

        DirectAttributes(HttpServletRequest request, @Nullable ServletRequestWrapper reads,
                @Nullable ServletRequestWrapper writes) {
            super(request);
            this.reads = reads;
            this.writes = writes;
        }

        @Override
        public Object getAttribute(String name) {
            return reads == null ? super.getAttribute(name) : reads.getRequest().getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return reads == null ? super.getAttributeNames() : reads.getRequest().getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (writes == null) {
                super.setAttribute(name, value);
            }
            else {
                writes.getRequest().setAttribute(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            if (writes == null) {
                super.removeAttribute(name);
            }
            else {
                writes.getRequest().removeAttribute(name);
            }
        }
    }
}
