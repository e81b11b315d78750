package org.communedx.web.notification;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.communedx.service.CommuneDxProperties;
import org.communedx.service.notification.MailComposer;
import org.communedx.service.notification.NoticeView;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails, from {@code templates/mail/notice.html} and {@code notice.txt} in the recipient's language with the
 * pages' message bundles. An engine of its own, not the pages' (whose resolver knows HTML only), and not a bean, so
 * that Boot's engine for the pages stays as it is. The HTML part escapes what users wrote (a return reason) as the
 * pages do; each e-mail carries one link, absolute under {@code communedx.mail.base-url}: to the notice's page, or to
 * the inbox for a digest.
 */
@Component
class ThymeleafMailComposer implements MailComposer {

    /** The most characters of a notice's text in a subject. */
    static final int MAX_SUBJECT_TEXT = 120;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    private final MessageSource messages;

    private final NoticeTexts texts;

    private final URI baseUrl;

    ThymeleafMailComposer(MessageSource messages, NoticeTexts texts, CommuneDxProperties properties) {
        this.messages = messages;
        this.texts = texts;
        this.baseUrl = properties.mail().baseUrl();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    @Override
    public ComposedMail compose(String displayName, Locale locale, List<NoticeView> notices, boolean digest) {
        List<String> lines = notices.stream().map(notice -> texts.text(notice, locale)).toList();
        String link = baseUrl.toString().replaceAll("/+$", "")
                + (digest || notices.size() != 1 ? "/notifications" : texts.path(notices.get(0)));
        String subject = digest
                ? messages.getMessage("mail.subject.digest", new Object[] { lines.size() }, locale)
                : messages.getMessage("mail.subject.notice", new Object[] { shorten(lines.get(0)) }, locale);
        Context context = new Context(locale, Map.of("name", displayName, "lines", lines, "link", link,
                "digest", digest));
        return new ComposedMail(oneLine(subject), engine.process("notice.txt", context),
                engine.process("notice.html", context));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SUBJECT_TEXT ? text : text.substring(0, MAX_SUBJECT_TEXT - 1) + "…";
    }

    /** A subject is one line, whatever a reason inside it held. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
