package org.communedx.web.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.communedx.service.report.ReportHeadings;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Printable reports in the administrative style: a commune's scorecard, and a district's or province's rollup.
 * Each is a print-styled page ({@code report/*}) with a server-made PDF of the same template beside it. The
 * services answer 404 outside the caller's scope. The PDF is rendered from the handler's own model, so that it
 * carries what the controller advice gives every page, such as the sample-data label.
 */
@Controller
class ReportController {

    private final Scorecards scorecards;

    private final Rollups rollups;

    private final ReportHeadings headings;

    private final ReportPdf pdf;

    private final MessageSource messages;

    ReportController(Scorecards scorecards, Rollups rollups, ReportHeadings headings, ReportPdf pdf,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.rollups = rollups;
        this.headings = headings;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/communes/{code}/periods/{periodId}/report")
    String commune(@PathVariable String code, @PathVariable long periodId, Model model) {
        model.addAllAttributes(commune(code, periodId));
        return "report/commune";
    }

    @GetMapping("/communes/{code}/periods/{periodId}/report.pdf")
    ResponseEntity<byte[]> communePdf(@PathVariable String code, @PathVariable long periodId, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        model.addAllAttributes(commune(code, periodId));
        Scorecard card = (Scorecard) model.getAttribute("scorecard");
        return pdf(messages.getMessage("export.file.report", new Object[] { card.communeName(), card.periodName() },
                locale), pdf.render("report/commune", model.asMap(), locale, request, response));
    }

    /** A district's or a province's report; a commune has the one above instead (404 here). */
    @GetMapping("/units/{code}/periods/{periodId}/report")
    String unit(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold, Model model) {
        model.addAllAttributes(unit(code, periodId, threshold));
        return "report/unit";
    }

    @GetMapping("/units/{code}/periods/{periodId}/report.pdf")
    ResponseEntity<byte[]> unitPdf(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAllAttributes(unit(code, periodId, threshold));
        Rollup rollup = (Rollup) model.getAttribute("rollup");
        return pdf(messages.getMessage("export.file.report", new Object[] { rollup.unitName(), rollup.periodName() },
                locale), pdf.render("report/unit", model.asMap(), locale, request, response));
    }

    private Map<String, Object> commune(String code, long periodId) {
        Map<String, Object> model = new HashMap<>();
        model.put("scorecard", scorecards.scorecard(code, periodId));
        model.put("heading", headings.communeHeading(code, periodId));
        model.put("pdf", false);
        return model;
    }

    /** @param threshold the dashboard's, which its links pass on, so that the report counts as it does */
    private Map<String, Object> unit(String code, long periodId, int threshold) {
        Map<String, Object> model = new HashMap<>();
        model.put("rollup", rollups.rollup(code, periodId, Rollups.threshold(threshold), Rollups.Detail.TOTALS));
        model.put("heading", headings.unitHeading(code, periodId));
        model.put("pdf", false);
        return model;
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] content) {
        return Downloads.attachment(name, "pdf", "application/pdf").contentLength(content.length).body(content);
    }
}
