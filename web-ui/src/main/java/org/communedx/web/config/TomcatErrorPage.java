package org.communedx.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jakarta.servlet.MultipartConfigElement;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

/**
 * The page Tomcat sends for what it refuses before the application sees the request (a malformed request line, a
 * multipart part header beyond its limit): the application's words in Vietnamese and English, instead of Tomcat's bare
 * "HTTP Status 400" page. Tomcat can send such a page only from a file, and cannot know the user's language then, so
 * the files are written once at start-up from the message bundles, with both languages: one for an upload beyond the
 * multipart limit (413), which says so and names the limit, and one for everything else. Errors the application raises
 * itself still get its own page in the user's language: Tomcat's valve leaves an answer that has a body alone.
 */
@Component
public class TomcatErrorPage implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final MessageSource messages;

    private final String uploadLimit;

    private final String page;

    private final String tooLarge;

    TomcatErrorPage(MessageSource messages, MultipartConfigElement multipart) {
        this.messages = messages;
        this.uploadLimit = uploadLimit(multipart);
        this.page = html("error.other.explanation");
        this.tooLarge = html("error.413.explanation");
    }

    /** The page for a request refused before the application could read it: for an upload beyond the limit or not. */
    String page(boolean uploadTooLarge) {
        return uploadTooLarge ? tooLarge : page;
    }

    /** The largest upload Tomcat takes, as the 413 pages name it, this one and the application's. */
    public static String uploadLimit(MultipartConfigElement multipart) {
        return DataSize.ofBytes(multipart.getMaxFileSize()).toMegabytes() + " MB";
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        Path otherFile = write(page);
        Path tooLargeFile = write(tooLarge);
        // Spring Boot adds the host's ErrorReportValve while it configures the context; it is there once the context
        // starts.
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setProperty("errorCode.0", otherFile.toString());
                        report.setProperty("errorCode.413", tooLargeFile.toString());
                    }
                }
            }
        }));
    }

    /** The page in both languages, under the generic title, with the explanation {@code explanationKey} gives. */
    String html(String explanationKey) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(text("error.other.title", "vi")).append(" · ").append(text("error.other.title", "en"))
                .append("</title></head>\n<body style=\"font-family: system-ui, sans-serif; margin: 3rem auto; "
                        + "max-width: 40rem; text-align: center\">\n");
        for (String language : new String[] { "vi", "en" }) {
            html.append("<section lang=\"").append(language).append("\"><h1>").append(text("error.other.title", language))
                    .append("</h1><p>").append(text(explanationKey, language)).append("</p><p><a href=\"/\">")
                    .append(text("error.backHome", language)).append("</a></p></section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private String text(String key, String language) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, new Object[] { uploadLimit },
                Locale.forLanguageTag(language)), "UTF-8");
    }

    private static Path write(String html) {
        try {
            Path page = Files.createTempFile("communedx-error-", ".html");
            page.toFile().deleteOnExit();
            return Files.writeString(page, html, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
