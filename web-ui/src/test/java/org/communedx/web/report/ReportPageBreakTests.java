package org.communedx.web.report;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report stylesheet breaks a printed report's pages, rendered as the reports are. */
class ReportPageBreakTests {

    /**
     * A heading with room for itself but not for its table's first row went at the foot of one page, the table on the
     * next: Phú Thọ's report ended its first page with "Average by criteria group".
     */
    @Test
    void aHeadingNearTheFootOfAPageGoesOnWithItsTable() throws IOException {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><link rel="stylesheet" href="/assets/css/report.css"/></head>
                <body><main>
                <div style="height: 24.2cm">Before</div>
                <h2>Average by criteria group</h2>
                <table class="data"><thead><tr><th>Group</th></tr></thead>
                <tbody><tr><td>G1</td></tr><tr><td>G2</td></tr><tr><td>G3</td></tr></tbody></table>
                </main></body></html>""";

        byte[] pdf = new ReportPdf(engine).render(page, Map.of(), Locale.ENGLISH, new MockHttpServletRequest(),
                new MockHttpServletResponse());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(text(document, 1)).contains("Before").doesNotContain("Average by criteria group");
            assertThat(text(document, 2)).containsSubsequence("Average by criteria group", "Group", "G1", "G3");
        }
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
