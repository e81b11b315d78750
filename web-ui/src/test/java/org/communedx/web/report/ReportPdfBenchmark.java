package org.communedx.web.report;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tagging the reports for screen readers (PDF/UA) costs: a ranking-like table of 3,000 communes rendered as the
 * reports are (their stylesheet, their embedded fonts), tagged and untagged back to back, after a warm-up round.
 * Prints milliseconds and bytes of each; outside {@code ./mvnw -B verify}, as its name ends in Benchmark:
 * {@code ./mvnw -B test -pl web-ui -am -Dtest=ReportPdfBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReportPdfBenchmark {

    private static final int ROWS = 3000;

    private static final int ROUNDS = 4;

    @Test
    void taggingAReportCosts() {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="vi"><head><title>Xếp hạng</title><meta name="subject" content="Xếp hạng"/>
                <link rel="stylesheet" href="/assets/css/report.css"/></head>
                <body><main><h1>BÁO CÁO XẾP HẠNG CÁC XÃ</h1>
                <table class="data"><thead><tr><th>Hạng</th><th>Xã, phường</th><th>Điểm</th><th>Xếp loại</th></tr>
                </thead><tbody>""");
        for (int i = 1; i <= ROWS; i++) {
            page.append("<tr><td>").append(i).append("</td><td>Xã Yên Phú ").append(i).append("</td><td>")
                    .append(1000 - i % 1000).append(",00</td><td>Khá</td></tr>");
        }
        page.append("</tbody></table></main></body></html>");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean tagged : new boolean[] { false, true }) {
                long start = System.nanoTime();
                byte[] pdf = new ReportPdf(engine, tagged).render(page.toString(), Map.of(),
                        Locale.forLanguageTag("vi"), new MockHttpServletRequest(), new MockHttpServletResponse());
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("Report PDF of %d rows, round %d, %s: %d ms, %d bytes%n", ROWS, round,
                        tagged ? "tagged" : "untagged", millis, pdf.length);
                assertThat(pdf).isNotEmpty();
            }
        }
    }
}
