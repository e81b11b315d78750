package org.communedx.web.config;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Marks a page that shows a refused form, so that the layout's title says so ("Lỗi: Thêm người dùng"). The title is
 * what a screen reader announces when the page comes back and what a browser's tab shows; the refusal is further
 * down, where only the focus on it would otherwise lead. A form is refused when a binding of the page's model holds
 * errors, or when the model carries one of the {@link #REFUSALS}: an import's problems, or what a form that leads
 * back to its page (the entry page's upload, comment and reason) sends there as a flash attribute.
 */
@Configuration(proxyBeanMethods = false)
class RefusedFormTitle implements WebMvcConfigurer, HandlerInterceptor {

    /** The model attribute the layout reads. */
    static final String ATTRIBUTE = "formRefused";

    /** The model attributes, other than bindings, by which pages show that a form was refused. */
    static final Set<String> REFUSALS = Set.of("importProblems", "evidenceProblems", "refusal", "commentRefusal",
            "problems", "refusalKey", "errorKey", "signerErrorKey", "submitAllRefusal", "loginRefusal");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")
                && page.getModel().entrySet().stream().anyMatch(RefusedFormTitle::refuses)) {
            page.addObject(ATTRIBUTE, true);
        }
    }

    private static boolean refuses(Map.Entry<String, Object> attribute) {
        Object value = attribute.getValue();
        if (value instanceof BindingResult binding) {
            return binding.hasErrors();
        }
        return REFUSALS.contains(attribute.getKey()) && value != null
                && !(value instanceof Collection<?> list && list.isEmpty());
    }
}
