package org.communedx.web.format;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.communedx.model.Numbers;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Decimals as forms receive them: with a point or, as Vietnamese write them, a comma, in the digits 0 to 9 only
 * ({@link Numbers#decimal}); and written back into their fields as read, never in scientific notation, with the
 * page's decimal separator: a refused "5,0" comes back as "5,0", not as a "5" beside "enter a whole number". The
 * forms fill their fields from stored values made plain ({@link Numbers#plain}). The fields are text: a browser's
 * number field drops a comma as it is typed, so that a weight of "0,5" arrived as 5.
 *
 * <p>An editor of every binder, not a formatter: Spring falls back on its own number editor when a formatter refuses,
 * and that one reads "٣" and "2e0" as numbers.
 */
@ControllerAdvice
class DecimalInput {

    @InitBinder
    void readDecimalsAsTyped(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    static final class DecimalEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(Numbers.decimal(text));
            }
            catch (NumberFormatException unreadable) {
                throw new IllegalArgumentException("Not a decimal: " + text, unreadable);
            }
        }

        @Override
        public String getAsText() {
            if (!(getValue() instanceof BigDecimal number)) {
                return "";
            }
            String text = number.toPlainString();
            return "vi".equals(LocaleContextHolder.getLocale().getLanguage()) ? text.replace('.', ',') : text;
        }
    }
}
