package org.communedx.web.unit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.communedx.model.RuleViolation;
import org.communedx.service.unit.UnitDirectory;
import org.communedx.service.unit.UnitRemoval;
import org.communedx.service.unit.UnitSettings;
import org.communedx.service.unit.UnitViews.UnitSummary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The unit tree as of a date: browsing level by level, searching, and one unit's detail, where an administrator sets
 * the title its reports are signed under.
 */
@Controller
class UnitController {

    private final UnitDirectory directory;

    private final UnitSettings settings;

    private final UnitRemoval removal;

    UnitController(UnitDirectory directory, UnitSettings settings, UnitRemoval removal) {
        this.directory = directory;
        this.settings = settings;
        this.removal = removal;
    }

    /**
     * @param open the codes opened from a province down, e.g. {@code 17/157}; the tree works without JavaScript
     */
    @GetMapping("/units")
    String list(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) LocalDate asOf,
            @RequestParam(defaultValue = "") String open, Model model) {
        LocalDate date = asOf != null ? asOf : directory.openingDay();
        List<String> openPath = Arrays.stream(open.split("/")).filter(code -> !code.isBlank()).limit(3).toList();
        model.addAttribute("q", q.strip());
        model.addAttribute("asOf", date);
        model.addAttribute("openPath", openPath);
        if (q.isBlank()) {
            model.addAttribute("tree", directory.tree(openPath, date));
        }
        else {
            model.addAttribute("results", directory.search(q, date));
            model.addAttribute("searchLimit", UnitDirectory.SEARCH_LIMIT);
        }
        return "unit/list";
    }

    @GetMapping("/units/{code}")
    String show(@PathVariable String code,
            @RequestParam(required = false) LocalDate asOf,
            Model model) {
        model.addAttribute("detail", directory.detail(code, Optional.ofNullable(asOf)));
        return "unit/show";
    }

    /** Asks before removing a unit created by mistake, or says what keeps it. */
    @GetMapping("/units/{code}/remove")
    String confirmRemoval(@PathVariable String code, @RequestParam long unit, Model model) {
        model.addAttribute("removal", removal.removal(code, unit));
        return "unit/remove";
    }

    @PostMapping("/units/{code}/remove")
    String remove(@PathVariable String code, @RequestParam long unit, RedirectAttributes redirect) {
        try {
            UnitSummary removed = removal.remove(code, unit);
            redirect.addFlashAttribute("messageKey", "unit.removed");
            redirect.addFlashAttribute("messageArgs", List.of(removed.name(), removed.code()));
            return "redirect:/units";
        }
        catch (RuleViolation inUse) {
            // Something began to refer to it meanwhile: the page says so, and what, again.
            redirect.addFlashAttribute("refusalKey", inUse.messageKey());
            return "redirect:/units/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/remove?unit="
                    + unit;
        }
    }

    @PostMapping("/units/{code}/report-signer")
    String setReportSigner(@PathVariable String code, @Valid SignerForm form, BindingResult result,
            RedirectAttributes redirect) {
        // A refused title comes back under its field, as typed, to be mended rather than typed again.
        if (result.hasErrors()) {
            redirect.addFlashAttribute("signerErrorKey", "unit.signer.invalid");
            redirect.addFlashAttribute("signerTyped", form.reportSignerTitle());
        }
        else {
            try {
                settings.setReportSignerTitle(code, form.validOn(), form.reportSignerTitle());
                redirect.addFlashAttribute("messageKey", "unit.signer.saved");
            }
            catch (RuleViolation refused) {
                redirect.addFlashAttribute("signerErrorKey", refused.messageKey());
                redirect.addFlashAttribute("signerTyped", form.reportSignerTitle());
            }
        }
        redirect.addAttribute("code", code);
        if (form.validOn() != null) {
            redirect.addAttribute("asOf", form.validOn().toString());
        }
        return "redirect:/units/{code}";
    }
}
