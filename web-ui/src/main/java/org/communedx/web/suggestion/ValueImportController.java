package org.communedx.web.suggestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.communedx.model.period.Period;
import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;
import org.communedx.service.report.Cells;
import org.communedx.service.suggestion.SuggestedValues.Suggestion;
import org.communedx.service.suggestion.ValueImport;
import org.communedx.service.suggestion.ValueImportJobs;
import org.communedx.service.suggestion.ValueImportProblem;
import org.communedx.service.suggestion.ValueImportProgress;
import org.communedx.service.suggestion.ValueImportRefused;
import org.communedx.service.suggestion.ValueImportResult;
import org.communedx.web.config.Uploads;
import org.communedx.web.job.JobProgressView;
import org.communedx.web.report.Downloads;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * A province's values from a spreadsheet: the template of a period for the manager's communes, the upload, and the
 * job's page, which follows the reading and then shows, and lets download, what was imported or every problem by
 * row and column. The values become suggestions, which communes take into their own entries.
 */
@Controller
class ValueImportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Problems a page lists; the report lists every one. */
    static final int LISTED = 200;

    private final ValueImport imports;

    private final ValueImportJobs jobs;

    private final MessageSource messages;

    ValueImportController(ValueImport imports, ValueImportJobs jobs, MessageSource messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/periods/{periodId}/value-import")
    String form(@PathVariable long periodId, Model model) {
        return page(imports.period(periodId), model);
    }

    /**
     * The template: {@code unit} narrows it to a district or a province (an administrator's choice). A unit that held
     * no commune in the period (a district the reform ended, say) gets the page back with why, not an empty template.
     */
    @GetMapping("/periods/{periodId}/value-import/template.xlsx")
    String template(@PathVariable long periodId, @RequestParam(defaultValue = "wide") String layout,
            @RequestParam(required = false) String unit, Locale locale, HttpServletResponse response, Model model)
            throws IOException {
        ValueImport.Layout chosen = "long".equalsIgnoreCase(layout) ? ValueImport.Layout.LONG : ValueImport.Layout.WIDE;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            imports.template(periodId, unit, chosen, locale, out);
        }
        catch (ValueImportRefused refused) {
            model.addAttribute("templateProblem", refused.problems().get(0));
            model.addAttribute("templateUnit", unit);
            model.addAttribute("templateLayout", chosen);
            return page(imports.period(periodId), model);
        }
        String name = messages.getMessage("value.template.fileName", new Object[] { imports.period(periodId).getName(),
                unit == null || unit.isBlank() ? "" : unit.replaceAll("[^0-9A-Za-z]", ""),
                messages.getMessage("value.layout." + chosen.name().toLowerCase(Locale.ROOT), null, locale) }, locale);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(name.strip().replaceAll(" +", " ")
                + ".xlsx"));
        response.setContentType(XLSX);
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
        return null;
    }

    @PostMapping("/periods/{periodId}/value-import")
    String upload(@PathVariable long periodId, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model) {
        Period period = imports.period(periodId);
        // A file chosen but empty goes on, to be refused as empty like a file of blank lines.
        if (!Uploads.chosen(file)) {
            model.addAttribute("fileMissing", true);
            return page(period, model);
        }
        try {
            UUID id = jobs.start(periodId, Uploads.fileName(file), file.getSize(), file);
            return "redirect:/periods/" + periodId + "/value-import/jobs/" + id;
        }
        catch (ValueImportRefused refused) {
            model.addAttribute("importProblems", refused.problems());
            return page(period, model);
        }
        catch (JobsBusyException busy) {
            model.addAttribute("jobsBusy", busy.limit());
            return page(period, model);
        }
    }

    @GetMapping("/periods/{periodId}/value-import/jobs/{id}")
    String job(@PathVariable long periodId, @PathVariable UUID id, Locale locale, Model model) {
        Period period = imports.period(periodId);
        JobStatus job = jobs.job(id);
        model.addAttribute("period", period);
        model.addAttribute("job", job);
        model.addAttribute("progress", jobs.progress(id));
        model.addAttribute("progressText", progressText(jobs.progress(id), locale));
        model.addAttribute("listed", LISTED);
        jobs.result(id).ifPresent(result -> model.addAttribute("result", result));
        return "suggestion/import-job";
    }

    /** What the job's page polls: the shape of every job's progress, with the line to show. */
    @GetMapping(path = "/periods/{periodId}/value-import/jobs/{id}/progress",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobProgressView progress(@PathVariable long periodId, @PathVariable UUID id, Locale locale) {
        imports.period(periodId);
        JobStatus job = jobs.job(id);
        ValueImportProgress progress = jobs.progress(id);
        return new JobProgressView(job.state(), progress.done(), progress.total(), progress.percent(), job.finished(),
                progressText(progress, locale));
    }

    /**
     * The result as CSV: the values imported, or every problem with its row and column, worded in the reader's
     * language. With a byte order mark, so that a spreadsheet program reads it as UTF-8.
     */
    @GetMapping("/periods/{periodId}/value-import/jobs/{id}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable long periodId, @PathVariable UUID id, Locale locale)
            throws IOException {
        Period period = imports.period(periodId);
        jobs.job(id);
        ValueImportResult result = jobs.result(id).orElse(null);
        if (result == null) {
            // Still running, or failed: nothing to report yet; the job's page says which.
            return ResponseEntity.notFound().build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            if (result.accepted()) {
                csv.printRecord(ValueImport.COMMUNE_CODE, ValueImport.CRITERION_CODE, ValueImport.VALUE,
                        ValueImport.REFERENCE, ValueImport.MEASURED_AT);
                for (Suggestion value : result.imported()) {
                    // The reference is the file's free text: never a formula when the report is opened.
                    csv.printRecord(value.communeCode(), value.criterionCode(), value.value(),
                            Cells.neutralise(value.reference()),
                            value.measuredAt() == null ? null : ValueImport.text(value.measuredAt()));
                }
            }
            else {
                csv.printRecord(message("value.import.report.row", locale), message("value.import.report.column",
                        locale), message("value.import.report.problem", locale));
                for (ValueImportProblem problem : result.problems()) {
                    csv.printRecord(problem.line() == 0 ? message("value.import.report.file", locale) : problem.line(),
                            problem.column() == null ? "" : problem.column(),
                            Cells.neutralise(messages.getMessage(problem.messageKey(), problem.args(),
                                    problem.messageKey(), locale)));
                }
            }
        }
        String name = messages.getMessage(result.accepted() ? "value.import.report.imported"
                : "value.import.report.refused", new Object[] { period.getName() }, locale) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(name))
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toByteArray());
    }

    String progressText(ValueImportProgress progress, Locale locale) {
        return switch (progress.stage()) {
            case QUEUED -> message("job.queued", locale);
            case READING -> messages.getMessage("value.job.reading", new Object[] {
                    String.valueOf(progress.done() / 1024), String.valueOf(progress.total() / 1024) }, locale);
            case CHECKING -> messages.getMessage("value.job.checking", new Object[] { progress.total() }, locale);
        };
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String page(Period period, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("importLimits", imports.limits());
        model.addAttribute("periodClosed", imports.closed(period));
        return "suggestion/import";
    }
}
