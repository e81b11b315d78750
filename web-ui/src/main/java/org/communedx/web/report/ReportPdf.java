package org.communedx.web.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The printable report as a PDF made on the server: the same Thymeleaf template as the page (with {@code pdf}
 * set, so without its buttons), laid out by openhtmltopdf on A4 and written with PDFBox. The text is set in
 * Liberation Serif, embedded (as a subset), so Vietnamese renders the same on every reader; the PDF's own base
 * fonts have no Vietnamese.
 * <p>
 * The renderer loads only the application's own static files (the report stylesheet), from the classpath; any
 * other address in the page is refused, so rendering never reaches the network.
 */
@Component
class ReportPdf {

    static final String FONT_FAMILY = "Liberation Serif";

    private static final String PROTOCOL = "classpath";

    private static final Pattern STYLESHEET = Pattern.compile("/assets/css/([a-z-]+?)(-[0-9a-f]{32})?\\.css");

    private final ITemplateEngine templates;

    /** Whether the PDF is tagged for screen readers (PDF/UA): always, but for the benchmark that weighs the cost. */
    private final boolean tagged;

    @Autowired
    ReportPdf(ITemplateEngine templates) {
        this(templates, true);
    }

    ReportPdf(ITemplateEngine templates, boolean tagged) {
        this.templates = templates;
        this.tagged = tagged;
        PdfRendererLog.install();
    }

    byte[] render(String template, Map<String, Object> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale, model);
        context.setVariable("pdf", true);
        String html = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged (PDF/UA): a screen reader reads the report in order, its tables with their headers, in the
            // report's language (the html element's lang) and under its title (the head's), not as loose text.
            builder.usePdfUaAccessibility(tagged);
            builder.withHtmlContent(html, PROTOCOL + ":/");
            builder.useUriResolver(ReportPdf::resolve);
            builder.useProtocolsStreamImplementation(ReportPdf::open, PROTOCOL);
            font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
            font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
            font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
            font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
            builder.toStream(pdf);
            builder.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return pdf.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            try {
                return new ClassPathResource("liberation/" + file).getInputStream();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, FONT_FAMILY, weight, style, true);
    }

    /**
     * Only the application's stylesheets, as the page links them, with the hash of their content in the name
     * ({@code /assets/css/report-<md5>.css}, StaticAssetsConfiguration); nothing else.
     */
    private static String resolve(String base, String uri) {
        if (uri == null) {
            return null;
        }
        Matcher stylesheet = STYLESHEET.matcher(uri.startsWith(PROTOCOL + ":") ? uri.substring(PROTOCOL.length() + 1)
                : uri);
        return stylesheet.matches() ? PROTOCOL + ":/assets/css/" + stylesheet.group(1) + ".css" : null;
    }

    private static FSStream open(String uri) {
        // The URL's /assets/ is where Spring MVC serves classpath:/static/ (spring.mvc.static-path-pattern).
        ClassPathResource resource = new ClassPathResource("static"
                + uri.substring(PROTOCOL.length() + 1).substring("/assets".length()));
        return new FSStream() {
            @Override
            public InputStream getStream() {
                try {
                    return resource.getInputStream();
                }
                catch (IOException ex) {
                    return null;
                }
            }

            @Override
            public Reader getReader() {
                InputStream stream = getStream();
                return stream == null ? null : new InputStreamReader(stream, StandardCharsets.UTF_8);
            }
        };
    }
}
