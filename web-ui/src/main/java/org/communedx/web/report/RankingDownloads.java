package org.communedx.web.report;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.report.ExportFormat;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ranking's downloads made as the other reports' are ({@link Downloads}' headers, {@link ReportPdf}'s
 * renderer), for the ranking's controller outside this package.
 */
@Component
public class RankingDownloads {

    private final ReportPdf pdf;

    RankingDownloads(ReportPdf pdf) {
        this.pdf = pdf;
    }

    public ResponseEntity<StreamingResponseBody> xlsx(String name, StreamingResponseBody body) {
        return Downloads.attachment(name, ExportFormat.XLSX.extension(), ExportFormat.XLSX.contentType()).body(body);
    }

    /** The report template rendered as a PDF, with {@code pdf} set so that it leaves out its buttons. */
    public ResponseEntity<byte[]> pdf(String name, String template, Map<String, Object> model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        byte[] content = pdf.render(template, model, locale, request, response);
        return Downloads.attachment(name, "pdf", "application/pdf").contentLength(content.length).body(content);
    }
}
