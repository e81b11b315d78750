package org.communedx.web.framework;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.service.framework.FrameworkEditor;
import org.communedx.service.framework.FrameworkEditor.ClassesEdit;
import org.communedx.service.framework.FrameworkEditor.CriterionEdit;
import org.communedx.service.framework.FrameworkEditor.GroupEdit;
import org.communedx.service.framework.ScoreClassesRefused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Editing a draft version: its title, its classes, its groups and their criteria. Forms are pages of their own so that the
 * version page stays readable; moves are small POST buttons, and removal asks on a page of its own, since the
 * policy allows no script.
 */
@Controller
@RequestMapping("/frameworks/{code}/{version}")
class FrameworkEditController {

    private static final String VERSION_PAGE = "redirect:/frameworks/{code}/{version}";

    private final FrameworkEditor editor;

    FrameworkEditController(FrameworkEditor editor) {
        this.editor = editor;
    }

    @ModelAttribute
    void common(@PathVariable String code, @PathVariable String version, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("version", version);
        model.addAttribute("types", MeasurementType.values());
        model.addAttribute("comparisons", Comparison.values());
        model.addAttribute("scorings", ScoringMethod.values());
        model.addAttribute("scoreDisplays", ScoreDisplay.values());
    }

    @GetMapping("/title")
    String titleForm(@PathVariable String code, @PathVariable String version, Model model) {
        model.addAttribute("titleForm", TitleForm.of(editor.title(code, version), editor.scoreSettings(code, version)));
        return "framework/edit-title";
    }

    @PostMapping("/title")
    String editTitle(@PathVariable String code, @PathVariable String version,
            @Validated @ModelAttribute("titleForm") TitleForm form, BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "framework/edit-title";
        }
        editor.editTitle(code, version, form.toTitle(), form.toScoreSettings());
        redirect.addFlashAttribute("messageKey", "framework.edit.titleSaved");
        return VERSION_PAGE;
    }

    @GetMapping("/classes")
    String classesForm(@PathVariable String code, @PathVariable String version, Model model) {
        ClassesEdit classes = editor.scoreClasses(code, version);
        model.addAttribute("classesEdit", classes);
        model.addAttribute("classesForm", ClassesForm.of(classes.classes()));
        return "framework/edit-classes";
    }

    /** Another empty row for one more class, keeping what was typed; nothing is checked or saved. */
    @PostMapping(path = "/classes", params = "addRow")
    String addClassRow(@PathVariable String code, @PathVariable String version,
            @ModelAttribute("classesForm") ClassesForm form, Model model) {
        model.addAttribute("classesEdit", editor.scoreClasses(code, version));
        form.kept().withEmptyRow();
        return "framework/edit-classes";
    }

    /**
     * Saves every row at once. A row that is not a class at all is refused at its field here; classes that do not fit
     * together are refused by the service with each problem on its row, and in the same round the rows that are
     * classes are checked against each other, so that the form does not hold back a problem until another is mended.
     * Either way nothing is saved, and the form comes back with the rows as typed (those to remove, or left empty,
     * dropped) and an empty row again.
     */
    @PostMapping("/classes")
    String editClasses(@PathVariable String code, @PathVariable String version,
            @ModelAttribute("classesForm") ClassesForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        ClassesEdit edit = editor.scoreClasses(code, version);
        model.addAttribute("classesEdit", edit);
        SortedMap<Integer, ScoreClass> shaped = form.kept().checkShape(binding);
        List<Integer> rows = List.copyOf(shaped.keySet());
        ScoreClasses classes = new ScoreClasses(List.copyOf(shaped.values()));
        if (binding.hasErrors()) {
            reject(binding, rows, classes.problemsPerClass(code, edit.scaleTop()));
        }
        else {
            try {
                editor.editScoreClasses(code, version, classes);
                redirect.addFlashAttribute("messageKey", "framework.edit.classesSaved");
                return VERSION_PAGE + "#score-classes";
            }
            catch (ScoreClassesRefused refused) {
                reject(binding, rows, refused.perClass());
            }
        }
        form.withEmptyRow();
        return "framework/edit-classes";
    }

    /** Each class's problems on its row of the form: {@code rows} gives the form's row of each class. */
    private static void reject(BindingResult binding, List<Integer> rows, List<List<FrameworkProblem>> perClass) {
        for (int i = 0; i < perClass.size(); i++) {
            for (FrameworkProblem problem : perClass.get(i)) {
                binding.rejectValue(ClassesForm.path(rows.get(i), ScoreClasses.field(problem)), problem.messageKey(),
                        problem.arguments().toArray(), null);
            }
        }
    }

    @GetMapping("/groups/new")
    String newGroup(@PathVariable String code, @PathVariable String version, Model model) {
        editor.title(code, version);
        model.addAttribute("groupForm", GroupForm.empty());
        return "framework/edit-group";
    }

    @PostMapping("/groups/new")
    String addGroup(@PathVariable String code, @PathVariable String version,
            @Validated @ModelAttribute("groupForm") GroupForm form, BindingResult binding,
            RedirectAttributes redirect) {
        return save(binding, "framework/edit-group", () -> {
            long id = editor.addGroup(code, version, form.code(), form.toName());
            redirect.addFlashAttribute("messageKey", "framework.edit.groupAdded");
            return VERSION_PAGE + "#group-" + id;
        });
    }

    @GetMapping("/groups/{groupId}/edit")
    String groupForm(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            Model model) {
        GroupEdit group = editor.group(code, version, groupId);
        model.addAttribute("group", group);
        model.addAttribute("groupForm", GroupForm.of(group));
        return "framework/edit-group";
    }

    @PostMapping("/groups/{groupId}/edit")
    String editGroup(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            @Validated @ModelAttribute("groupForm") GroupForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("group", editor.group(code, version, groupId));
        return save(binding, "framework/edit-group", () -> {
            editor.editGroup(code, version, groupId, form.code(), form.toName());
            redirect.addFlashAttribute("messageKey", "framework.edit.groupSaved");
            return VERSION_PAGE + "#group-" + groupId;
        });
    }

    @GetMapping("/groups/{groupId}/remove")
    String confirmGroupRemoval(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            Model model) {
        model.addAttribute("group", editor.group(code, version, groupId));
        return "framework/remove";
    }

    @PostMapping("/groups/{groupId}/remove")
    String removeGroup(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            RedirectAttributes redirect) {
        editor.removeGroup(code, version, groupId);
        redirect.addFlashAttribute("messageKey", "framework.edit.groupRemoved");
        return VERSION_PAGE;
    }

    @PostMapping("/groups/{groupId}/move-up")
    String moveGroupUp(@PathVariable String code, @PathVariable String version, @PathVariable long groupId) {
        editor.moveGroup(code, version, groupId, -1);
        return VERSION_PAGE + "#group-" + groupId;
    }

    @PostMapping("/groups/{groupId}/move-down")
    String moveGroupDown(@PathVariable String code, @PathVariable String version, @PathVariable long groupId) {
        editor.moveGroup(code, version, groupId, 1);
        return VERSION_PAGE + "#group-" + groupId;
    }

    @GetMapping("/groups/{groupId}/criteria/new")
    String newCriterion(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            Model model) {
        model.addAttribute("group", editor.group(code, version, groupId));
        model.addAttribute("criterionForm", CriterionForm.empty());
        return "framework/edit-criterion";
    }

    @PostMapping("/groups/{groupId}/criteria/new")
    String addCriterion(@PathVariable String code, @PathVariable String version, @PathVariable long groupId,
            @Validated @ModelAttribute("criterionForm") CriterionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("group", editor.group(code, version, groupId));
        return save(binding, "framework/edit-criterion", () -> {
            long id = editor.addCriterion(code, version, groupId, form.toDefinition());
            redirect.addFlashAttribute("messageKey", "framework.edit.criterionAdded");
            return VERSION_PAGE + "#criterion-" + id;
        });
    }

    @GetMapping("/criteria/{criterionId}/edit")
    String criterionForm(@PathVariable String code, @PathVariable String version, @PathVariable long criterionId,
            Model model, Locale locale) {
        CriterionEdit criterion = editor.criterion(code, version, criterionId);
        model.addAttribute("criterion", criterion);
        model.addAttribute("criterionForm", CriterionForm.of(criterion, locale));
        return "framework/edit-criterion";
    }

    @PostMapping("/criteria/{criterionId}/edit")
    String editCriterion(@PathVariable String code, @PathVariable String version, @PathVariable long criterionId,
            @Validated @ModelAttribute("criterionForm") CriterionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("criterion", editor.criterion(code, version, criterionId));
        return save(binding, "framework/edit-criterion", () -> {
            editor.editCriterion(code, version, criterionId, form.rowVersion(), form.toDefinition());
            redirect.addFlashAttribute("messageKey", "framework.edit.criterionSaved");
            return VERSION_PAGE + "#criterion-" + criterionId;
        });
    }

    @GetMapping("/criteria/{criterionId}/remove")
    String confirmCriterionRemoval(@PathVariable String code, @PathVariable String version,
            @PathVariable long criterionId, Model model) {
        model.addAttribute("criterion", editor.criterion(code, version, criterionId));
        return "framework/remove";
    }

    @PostMapping("/criteria/{criterionId}/remove")
    String removeCriterion(@PathVariable String code, @PathVariable String version, @PathVariable long criterionId,
            RedirectAttributes redirect) {
        editor.removeCriterion(code, version, criterionId);
        redirect.addFlashAttribute("messageKey", "framework.edit.criterionRemoved");
        return VERSION_PAGE;
    }

    @PostMapping("/criteria/{criterionId}/move-up")
    String moveCriterionUp(@PathVariable String code, @PathVariable String version, @PathVariable long criterionId) {
        editor.moveCriterion(code, version, criterionId, -1);
        return VERSION_PAGE + "#criterion-" + criterionId;
    }

    @PostMapping("/criteria/{criterionId}/move-down")
    String moveCriterionDown(@PathVariable String code, @PathVariable String version,
            @PathVariable long criterionId) {
        editor.moveCriterion(code, version, criterionId, 1);
        return VERSION_PAGE + "#criterion-" + criterionId;
    }

    /** A refusal that no field of the form can show, e.g. a version that is no longer a draft: the version page. */
    @ExceptionHandler(FrameworkRuleViolation.class)
    String refused(FrameworkRuleViolation violation, HttpServletRequest request, RedirectAttributes redirect) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        redirect.addFlashAttribute("problems", violation.problems());
        return "redirect:" + UriComponentsBuilder.fromPath("/frameworks/{code}/{version}")
                .buildAndExpand(variables.get("code"), variables.get("version")).encode().toUriString();
    }

    /**
     * Saves a form that passed validation and goes where the save leads; a refused code, target, weight or steps
     * returns to the form with the message at its field.
     */
    private static String save(BindingResult binding, String formPage, Supplier<String> saving) {
        if (binding.hasErrors()) {
            return formPage;
        }
        try {
            return saving.get();
        }
        catch (FrameworkRuleViolation violation) {
            rejectOrRethrow(binding, violation);
            return formPage;
        }
    }

    /**
     * Shows a refused code, target, weight or scoring rule next to its field, and a save of a criterion changed
     * meanwhile above the form, the values typed kept to be copied; anything else goes back to the version page.
     */
    private static void rejectOrRethrow(BindingResult binding, FrameworkRuleViolation violation) {
        for (FrameworkProblem problem : violation.problems()) {
            String key = problem.messageKey();
            if (field(key) == null && !FrameworkEditor.CHANGED_MEANWHILE.equals(key)) {
                throw violation;
            }
        }
        for (FrameworkProblem problem : violation.problems()) {
            if (field(problem.messageKey()) == null) {
                binding.reject(problem.messageKey(), problem.arguments().toArray(), null);
            }
            else {
                binding.rejectValue(field(problem.messageKey()), problem.messageKey(),
                        problem.arguments().toArray(), null);
            }
        }
    }

    private static String field(String messageKey) {
        if (messageKey.equals("framework.problem.duplicateCode") || messageKey.equals("framework.problem.codeShape")) {
            return "code";
        }
        if (messageKey.startsWith("framework.problem.targetOutOfRange.")) {
            return "target";
        }
        if (messageKey.equals("framework.problem.weightNotPositive")) {
            return "weight";
        }
        if (messageKey.startsWith("framework.problem.scoring.")
                || messageKey.startsWith("framework.import.problem.badStep")) {
            return "steps";
        }
        return null;
    }
}
