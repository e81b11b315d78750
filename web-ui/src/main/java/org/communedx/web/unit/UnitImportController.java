package org.communedx.web.unit;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;
import org.communedx.service.unit.MergeImportSummary;
import org.communedx.service.unit.UnitImportJobs;
import org.communedx.service.unit.UnitImportRejected;
import org.communedx.service.unit.UnitImportResult;
import org.communedx.service.unit.UnitImportSummary;
import org.communedx.web.job.JobProgressView;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Administrators load the GSO list and the reform's merge mapping. The file is read and checked at once, and a
 * refused one is listed problem by problem on the form; the write runs in the background, on a page of its own that
 * shows its progress and then what it did, to the administrator who started it.
 */
@Controller
class UnitImportController {

    private final UnitImportJobs imports;

    private final MessageSource messages;

    UnitImportController(UnitImportJobs imports, MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
    }

    @GetMapping("/units/import")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/units/import/list")
    String importList(@Validated @ModelAttribute("listForm") ListImportForm form, BindingResult binding,
            Model model) {
        if (binding.hasErrors()) {
            return page(model);
        }
        return start(model, () -> imports.startList(form.file(), form.listDate()));
    }

    @PostMapping("/units/import/merges")
    String importMerges(@Validated @ModelAttribute("mergeForm") MergeImportForm form, BindingResult binding,
            Model model) {
        if (binding.hasErrors()) {
            return page(model);
        }
        return start(model, () -> imports.startMerges(form.file(), form.effectiveDate(), form.legalBasis(),
                form.provinceCodeSet()));
    }

    /**
     * The job's page once the file is checked and the job started; a refused file, or a full queue, back on the
     * form as it was filled. Caught here rather than by an exception handler, whose model would lack the form and
     * what every page's menu shows.
     */
    private String start(Model model, Supplier<UUID> job) {
        try {
            return "redirect:/units/import/jobs/" + job.get();
        }
        catch (UnitImportRejected rejected) {
            return rejected(rejected, model);
        }
        catch (JobsBusyException busy) {
            model.addAttribute("jobsBusy", busy.limit());
            return page(model);
        }
    }

    @GetMapping("/units/import/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        JobStatus job = imports.job(id);
        // Refused while it wrote (a unit changed since the file was checked): the same list as a refused file.
        if (job.refusal() instanceof UnitImportRejected rejected) {
            return rejected(rejected, model);
        }
        model.addAttribute("job", job);
        imports.result(id).ifPresent(result -> model.addAttribute(summaryName(result), result));
        return "unit/import-job";
    }

    /** What the job's page polls, so that it can show progress without reloading. */
    @GetMapping(path = "/units/import/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobProgressView progress(@PathVariable UUID id, Locale locale) {
        return JobProgressView.of(imports.job(id), messages, "unit.job.running", locale);
    }

    private String rejected(UnitImportRejected rejected, Model model) {
        model.addAttribute("importProblems", rejected.problems());
        return page(model);
    }

    private static String summaryName(UnitImportResult result) {
        if (result instanceof UnitImportSummary) {
            return "listSummary";
        }
        if (result instanceof MergeImportSummary) {
            return "mergeSummary";
        }
        throw new IllegalStateException("Unknown unit import result " + result.getClass());
    }

    /** The page with both forms; the one that was posted keeps what the user entered. */
    private String page(Model model) {
        model.addAttribute("importLimits", imports.limits());
        if (!model.containsAttribute("listForm")) {
            model.addAttribute("listForm", ListImportForm.empty());
        }
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", MergeImportForm.empty());
        }
        return "unit/import";
    }
}
