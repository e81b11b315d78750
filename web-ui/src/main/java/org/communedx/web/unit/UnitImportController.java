package org.communedx.web.unit;

import org.communedx.service.unit.GsoListImport;
import org.communedx.service.unit.MergeImport;
import org.communedx.service.unit.UnitImportRejected;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators load the GSO list and the reform's merge mapping; a refused file is listed problem by problem. */
@Controller
class UnitImportController {

    private final GsoListImport gsoImport;

    private final MergeImport mergeImport;

    UnitImportController(GsoListImport gsoImport, MergeImport mergeImport) {
        this.gsoImport = gsoImport;
        this.mergeImport = mergeImport;
    }

    @GetMapping("/units/import")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/units/import/list")
    String importList(@Validated @ModelAttribute("listForm") ListImportForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model);
        }
        redirect.addFlashAttribute("listSummary", gsoImport.importList(form.file(), form.listDate()));
        redirect.addFlashAttribute("messageKey", "unit.import.done");
        return "redirect:/units/import";
    }

    @PostMapping("/units/import/merges")
    String importMerges(@Validated @ModelAttribute("mergeForm") MergeImportForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model);
        }
        redirect.addFlashAttribute("mergeSummary", mergeImport.importMerges(form.file(),
                form.effectiveDate(), form.legalBasis(), form.provinceCodeSet()));
        redirect.addFlashAttribute("messageKey", "unit.merge.done");
        return "redirect:/units/import";
    }

    @ExceptionHandler(UnitImportRejected.class)
    String rejected(UnitImportRejected rejected, Model model) {
        model.addAttribute("importProblems", rejected.problems());
        return page(model);
    }

    /** The page with both forms; the one that was posted keeps what the user entered. */
    private String page(Model model) {
        model.addAttribute("importLimits", gsoImport.limits());
        if (!model.containsAttribute("listForm")) {
            model.addAttribute("listForm", ListImportForm.empty());
        }
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", MergeImportForm.empty());
        }
        return "unit/import";
    }
}
