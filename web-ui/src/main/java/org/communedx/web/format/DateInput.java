package org.communedx.web.format;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;

import org.communedx.model.Days;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Days as forms, links and scripts send them, read by {@link Days}: ISO or day first, four-digit years, strictly.
 * ISO's own parser took a year of nine digits (+999999999-01-01), which PostgreSQL then refused: the page was a 500,
 * where a day it cannot read is now a 400, or its form's field error. Written back as ISO, which a date field reads.
 * An editor of every binder, as {@link DecimalInput} is, so that no parameter's own format comes before it.
 */
@ControllerAdvice
class DateInput {

    @InitBinder
    void readDaysStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new DayEditor());
    }

    static final class DayEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            setValue(Days.parse(text).orElseThrow(() -> new IllegalArgumentException("Not a day: " + text)));
        }

        @Override
        public String getAsText() {
            return getValue() instanceof LocalDate day ? Days.ISO.format(day) : "";
        }
    }
}
