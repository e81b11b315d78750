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
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><link rel="stylesheet" href="/assets/css/report.css"/></head>
                <body><main>
                <div style="height: 24.2cm">Before</div>
                <h2>Average by criteria group</h2>
                <table class="data"><thead><tr><th>Group</th></tr></thead>
                <tbody><tr><td>G1</td></tr><tr><td>G2</td></tr><tr><td>G3</td></tr></tbody></table>
                </main></body></html>""";

        String withoutTheRule = page.replace("</head>", "<style>h2 { -fs-page-break-min-height: 0; }</style></head>");
        try (PDDocument document = Loader.loadPDF(render(withoutTheRule))) {
            assertThat(text(document, 1)).as("the case itself: without the rule the heading ends the page alone")
                    .contains("Average by criteria group").doesNotContain("G1");
        }
        try (PDDocument document = Loader.loadPDF(render(page))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(text(document, 1)).contains("Before").doesNotContain("Average by criteria group");
            assertThat(text(document, 2)).containsSubsequence("Average by criteria group", "Group", "G1", "G3");
        }
    }

    /**
     * A criteria group's row with room for itself but not for its first criterion went at the foot of one page, its
     * criteria on the next: a commune's printed report ended page 3 with "G6. Xã hội số".
     */
    @Test
    void aGroupRowNearTheFootOfAPageGoesOnWithItsCriteria() throws IOException {
        String page = """
                <!DOCTYPE html>
                <html lang="vi"><head><link rel="stylesheet" href="/assets/css/report.css"/></head>
                <body><main>
                <table class="data"><thead><tr><th>Mã</th><th>Tiêu chí</th></tr></thead>
                <tbody><tr class="group"><th scope="colgroup" colspan="2">G1. Nhận thức số</th></tr>
                %s</tbody>
                <tbody><tr class="group"><th scope="colgroup" colspan="2">G6. Xã hội số</th></tr>
                <tr><td>G6.C1</td><td>Tiêu chí đầu</td></tr><tr><td>G6.C2</td><td>Tiêu chí sau</td></tr></tbody>
                </table>
                </main></body></html>""".formatted(rows());

        String withoutTheRule = page.replace("</head>",
                "<style>table.data tr.group { -fs-page-break-min-height: 0; }</style></head>");
        try (PDDocument document = Loader.loadPDF(render(withoutTheRule))) {
            assertThat(text(document, 1)).as("the case itself: without the rule the row ends the page alone")
                    .contains("G6. Xã hội số").doesNotContain("G6.C1");
        }
        try (PDDocument document = Loader.loadPDF(render(page))) {
            assertThat(text(document, 1)).doesNotContain("G6. Xã hội số");
            assertThat(text(document, 2)).containsSubsequence("G6. Xã hội số", "G6.C1", "G6.C2");
        }
    }

    /** Criteria rows of group G1 that fill the first page up to a little more than a group row's height. */
    private static String rows() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            rows.append("<tr><td>G1.C").append(i).append("</td><td>Tiêu chí ").append(i).append("</td></tr>");
        }
        return rows.toString();
    }

    /** With 28 rows the first page has room for G6's row and not for its first criterion (the test's control). */
    private static final int ROWS = 28;

    private static byte[] render(String page) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        return new ReportPdf(engine).render(page, Map.of(), Locale.forLanguageTag("vi"), new MockHttpServletRequest(),
                new MockHttpServletResponse());
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
