package org.communedx.web.format;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import org.communedx.model.Numbers;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Decimals as forms receive them: with a point or, as Vietnamese write them, a comma, in the digits 0 to 9 only
 * ({@link Numbers#decimal}); and written back into their fields as read, never in scientific notation, with the
 * page's decimal separator: a refused "5,0" comes back as "5,0", not as a "5" beside "enter a whole number". The
 * forms fill their fields from stored values made plain ({@link Numbers#plain}). The fields are text: a browser's
 * number field drops a comma as it is typed, so that a weight of "0,5" arrived as 5.
 */
@Configuration(proxyBeanMethods = false)
class DecimalInput implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new DecimalFormatter());
    }

    static final class DecimalFormatter implements Formatter<BigDecimal> {

        @Override
        public BigDecimal parse(String text, Locale locale) throws ParseException {
            try {
                return Numbers.decimal(text);
            }
            catch (NumberFormatException unreadable) {
                throw new ParseException(text, 0);
            }
        }

        @Override
        public String print(BigDecimal number, Locale locale) {
            String text = number.toPlainString();
            return "vi".equals(locale.getLanguage()) ? text.replace('.', ',') : text;
        }
    }
}
