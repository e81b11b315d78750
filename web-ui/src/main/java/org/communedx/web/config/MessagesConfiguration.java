package org.communedx.web.config;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.framework.LocalizedText;
import org.communedx.web.format.Formats;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles (messages_vi, messages_en), as Spring Boot would set them up but for the arguments the services'
 * refusals carry, which are written in the reader's words (below), and one change: a message with arguments gets a
 * {@link MessageFormat} of its own on every call. Spring keeps one per message and locale and formats
 * under its lock, so that under load every request rendering the same message queued for it; a scorecard formats
 * about a hundred. Each call gets a copy of a format parsed once, which costs a fraction of parsing the pattern again.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String basename) {
        UnsharedFormats source = new UnsharedFormats();
        source.setBasenames(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static final class UnsharedFormats extends ResourceBundleMessageSource {

        private static final String REFUSED_MOVE = "entry.refused.transition";

        /** One parsed format per message and locale, never formatted with: only copied. */
        private final Map<Locale, Map<String, MessageFormat>> parsed = new ConcurrentHashMap<>();

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            Map<String, MessageFormat> formats = parsed.computeIfAbsent(locale, any -> new ConcurrentHashMap<>());
            MessageFormat format = formats.get(code);
            if (format == null) {
                String pattern = resolveCodeWithoutArguments(code, locale);
                if (pattern == null) {
                    return null;
                }
                format = createMessageFormat(pattern, locale);
                formats.putIfAbsent(code, format);
            }
            return (MessageFormat) format.clone();
        }

        /**
         * A refused move ({@code entry.refused.transition}) names the move in the reader's words, "Xóa minh chứng",
         * not as the entry calls it ("removeEvidence"): on the entry page, the evidence panel, the review queue and
         * in the API's problems alike.
         */
        @Override
        protected String getMessageInternal(String code, Object[] args, Locale locale) {
            if (REFUSED_MOVE.equals(code) && args != null && args.length == 2 && args[0] instanceof String move) {
                Object[] named = args.clone();
                named[0] = new DefaultMessageSourceResolvable(new String[] { "entry.action." + move }, move);
                return super.getMessageInternal(code, named, locale);
            }
            return super.getMessageInternal(code, args, locale);
        }

        /**
         * A day among the arguments, such as the deadline a refusal names, is written as every page writes days
         * (dd/MM/yyyy), not in its ISO form: the services' refusals carry {@link LocalDate}s, which
         * {@link MessageFormat} does not know how to format. An entry's status is its label ("Đã gửi"), not
         * SUBMITTED. A name given in both languages (a score class's) is the page's.
         */
        @Override
        protected Object[] resolveArguments(Object[] args, Locale locale) {
            Object[] resolved = super.resolveArguments(args, locale);
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof LocalDate day) {
                    resolved[i] = Formats.day(day);
                }
                else if (resolved[i] instanceof EntryStatus status) {
                    resolved[i] = getMessage("entry.status." + status.name(), null, status.name(), locale);
                }
                else if (resolved[i] instanceof LocalizedText text) {
                    resolved[i] = text.in(locale);
                }
            }
            return resolved;
        }
    }
}
