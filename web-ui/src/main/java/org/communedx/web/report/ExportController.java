package org.communedx.web.report;

import java.util.Locale;

import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.communedx.service.report.ExportFormat;
import org.communedx.service.report.Exports;
import org.communedx.service.report.Exports.EntrySelection;
import org.communedx.service.report.Labels;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV and XLSX downloads of a scorecard, a rollup and the raw criterion entries. Each handler first asks its
 * service for the data or the selection, so that a unit outside the caller's scope answers 404 before any byte
 * is sent; the file is then written on an MVC async thread, straight into the response.
 */
@Controller
class ExportController {

    private final Scorecards scorecards;

    private final Rollups rollups;

    private final Exports exports;

    private final MessageSource messages;

    ExportController(Scorecards scorecards, Rollups rollups, Exports exports, MessageSource messages) {
        this.scorecards = scorecards;
        this.rollups = rollups;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/communes/{code}/periods/{periodId}/export.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> scorecard(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String format, Locale locale) {
        Scorecard card = scorecards.scorecard(code, periodId);
        ExportFormat file = ExportFormat.ofExtension(format);
        Labels labels = new Labels(messages, locale);
        return download(labels.get("export.file.scorecard", card.communeName(), card.periodName()), file,
                out -> exports.writeScorecard(card, file, labels, out));
    }

    /** A district's or province's communes, best first, with their verified completion per group. */
    @GetMapping("/units/{code}/periods/{periodId}/rollup.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> rollup(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String format, @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold,
            Locale locale) {
        Rollup rollup = rollups.rollup(code, periodId, Rollups.threshold(threshold),
                Rollups.Detail.COMMUNES_BY_GROUP);
        ExportFormat file = ExportFormat.ofExtension(format);
        Labels labels = new Labels(messages, locale);
        return download(labels.get("export.file.rollup", rollup.unitName(), rollup.periodName()), file,
                out -> exports.writeRollup(rollup, file, labels, out));
    }

    /** Every criterion entry of a commune, or of every commune under a district or province. */
    @GetMapping("/units/{code}/periods/{periodId}/entries.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> entries(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String format, Locale locale) {
        return entries(exports.entries(code, periodId), format, locale);
    }

    /** Every criterion entry of the country, for administrators: about 270,000 rows a period. */
    @GetMapping("/periods/{periodId}/entries.{format:csv|xlsx}")
    ResponseEntity<StreamingResponseBody> nationalEntries(@PathVariable long periodId, @PathVariable String format,
            Locale locale) {
        return entries(exports.nationalEntries(periodId), format, locale);
    }

    private ResponseEntity<StreamingResponseBody> entries(EntrySelection selection, String format, Locale locale) {
        ExportFormat file = ExportFormat.ofExtension(format);
        Labels labels = new Labels(messages, locale);
        String unit = selection.unitName() == null ? labels.get("export.file.country") : selection.unitName();
        return download(labels.get("export.file.entries", unit, selection.periodName()), file,
                out -> exports.writeEntries(selection, file, labels, out));
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, ExportFormat format,
            StreamingResponseBody body) {
        return Downloads.attachment(name, format.extension(), format.contentType()).body(body);
    }
}
