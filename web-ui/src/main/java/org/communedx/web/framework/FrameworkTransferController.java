package org.communedx.web.framework;

import org.communedx.service.framework.FrameworkImportRefused;
import org.communedx.service.framework.FrameworkTransfer;
import org.communedx.service.framework.FrameworkTransfer.ExportedFile;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;
import org.communedx.service.importing.ImportLimits;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Framework versions as YAML or XLSX files: downloads for reports and other systems, uploads as new drafts. */
@Controller
class FrameworkTransferController {

    private final FrameworkTransfer transfer;

    FrameworkTransferController(FrameworkTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping("/frameworks/{code}/{version}/export/yaml")
    ResponseEntity<byte[]> exportYaml(@PathVariable String code, @PathVariable String version) {
        return download(transfer.exportYaml(code, version));
    }

    @GetMapping("/frameworks/{code}/{version}/export/xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable String code, @PathVariable String version) {
        return download(transfer.exportXlsx(code, version));
    }

    @GetMapping("/frameworks/import")
    String importForm(Model model) {
        model.addAttribute("importForm", new ImportForm(""));
        return "framework/import";
    }

    /** The limits the form states beside its file field. */
    @ModelAttribute("importLimits")
    ImportLimits importLimits() {
        return transfer.importLimits();
    }

    /** A refused file is answered with the form and every problem; a file cannot be carried over a redirect. */
    @PostMapping("/frameworks/import")
    String importDraft(@Validated @ModelAttribute("importForm") ImportForm form, BindingResult binding,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "framework/import";
        }
        try {
            FrameworkSummary draft = transfer.importDraft(file, form.newVersion());
            redirect.addFlashAttribute("messageKey", "framework.import.done");
            redirect.addAttribute("code", draft.code());
            redirect.addAttribute("version", draft.version());
            return "redirect:/frameworks/{code}/{version}";
        }
        catch (FrameworkImportRefused refused) {
            model.addAttribute("importProblems", refused.problems());
            return "framework/import";
        }
    }

    private static ResponseEntity<byte[]> download(ExportedFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
