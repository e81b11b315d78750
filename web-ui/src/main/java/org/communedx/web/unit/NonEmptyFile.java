package org.communedx.web.unit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.communedx.web.config.Uploads;

import org.springframework.web.multipart.MultipartFile;

/**
 * An upload that was chosen and has content: a form posted without a file still carries an empty part, without a
 * name, and a file of no bytes is told apart from it.
 */
@Documented
@Constraint(validatedBy = NonEmptyFile.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface NonEmptyFile {

    String message() default "{unit.import.fileRequired}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NonEmptyFile, MultipartFile> {

        @Override
        public boolean isValid(MultipartFile file, ConstraintValidatorContext context) {
            if (file == null || !file.isEmpty()) {
                return true;
            }
            if (Uploads.chosen(file)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{unit.import.fileEmpty}").addConstraintViolation();
            }
            return false;
        }
    }
}
