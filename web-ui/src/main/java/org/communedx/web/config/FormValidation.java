package org.communedx.web.config;

import jakarta.validation.Validator;

import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every form's constraints checked in one round, also when one of its fields cannot be read. Spring builds a form
 * record with that field empty and then checks the fields that did bind one by one ({@code validateValue}); Boot's
 * MVC validator does not check single values, so nothing more was said: a weight of "abc" came back alone, and the
 * empty name beside it was said only once the number was mended, a round later. The binders validate with Bean
 * Validation's own adapter instead, which does; a field that could not be read keeps its own message.
 */
@ControllerAdvice
class FormValidation {

    private final SpringValidatorAdapter validator;

    FormValidation(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void checkEveryField(WebDataBinder binder) {
        binder.replaceValidators(validator);
    }
}
