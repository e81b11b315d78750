package org.communedx.web.mapping;

import java.util.Locale;
import java.util.UUID;

import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;
import org.communedx.service.mapping.MappingImportRefused;
import org.communedx.service.mapping.MappingTransfer;
import org.communedx.service.mapping.MappingTransfer.ExportedFile;
import org.communedx.service.mapping.MappingViews.MappingSummary;
import org.communedx.service.mapping.PrefillJobs;
import org.communedx.service.mapping.PrefillRefused;
import org.communedx.web.job.JobProgressView;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators map framework versions: the list with its upload form, each mapping's page with its files and the
 * prefill of a period, and the prefill's job page. A refused file or prefill is answered on its page with every
 * problem; a file cannot be carried over a redirect.
 */
@Controller
class MappingController {

    private final MappingTransfer transfer;

    private final PrefillJobs prefills;

    private final MessageSource messages;

    MappingController(MappingTransfer transfer, PrefillJobs prefills, MessageSource messages) {
        this.messages = messages;
        this.transfer = transfer;
        this.prefills = prefills;
    }

    @GetMapping("/mappings")
    String list(Model model) {
        model.addAttribute("mappings", transfer.list());
        model.addAttribute("importLimits", transfer.importLimits());
        return "mapping/list";
    }

    @PostMapping("/mappings/import")
    String importMapping(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        try {
            MappingSummary saved = transfer.importMapping(file);
            redirect.addFlashAttribute("messageKey", "mapping.import.done");
            return "redirect:/mappings/" + saved.id();
        }
        catch (MappingImportRefused refused) {
            model.addAttribute("importProblems", refused.problems());
            return list(model);
        }
    }

    /** A number only: /mappings/import is the import form's address, which a GET leads to the list. */
    @GetMapping("/mappings/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("detail", transfer.detail(id));
        return "mapping/show";
    }

    @GetMapping("/mappings/{id}/export/yaml")
    ResponseEntity<byte[]> exportYaml(@PathVariable long id) {
        return download(transfer.exportYaml(id));
    }

    @GetMapping("/mappings/{id}/export/xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id) {
        return download(transfer.exportXlsx(id));
    }

    @PostMapping("/mappings/{id}/prefill")
    String prefill(@PathVariable long id, @RequestParam(name = "periodId", required = false) Long periodId,
            Model model) {
        if (periodId == null) {
            model.addAttribute("periodMissing", true);
            return show(id, model);
        }
        try {
            return "redirect:/mappings/prefill/jobs/" + prefills.start(id, periodId);
        }
        catch (PrefillRefused refused) {
            model.addAttribute("prefillProblems", refused.problems());
            model.addAttribute("periodId", periodId);
            return show(id, model);
        }
        catch (JobsBusyException busy) {
            model.addAttribute("jobsBusy", busy.limit());
            return show(id, model);
        }
    }

    @GetMapping("/mappings/prefill/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        JobStatus job = prefills.job(id);
        model.addAttribute("job", job);
        if (job.refusal() instanceof PrefillRefused refused) {
            model.addAttribute("prefillProblems", refused.problems());
        }
        prefills.result(id).ifPresent(result -> model.addAttribute("result", result));
        return "mapping/prefill-job";
    }

    /** What the job's page polls, so that it can show progress without reloading. */
    @GetMapping(path = "/mappings/prefill/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobProgressView progress(@PathVariable UUID id, Locale locale) {
        return JobProgressView.of(prefills.job(id), messages, "mapping.job.running", locale);
    }

    private static ResponseEntity<byte[]> download(ExportedFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
