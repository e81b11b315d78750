package org.communedx.web.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.communedx.model.user.Role;
import org.communedx.service.unit.UnitDirectory;
import org.communedx.service.user.UserAdministration;
import org.communedx.service.user.UserProblem;
import org.communedx.service.user.UserRejected;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.UserDetail;
import org.communedx.web.config.IssuedForms;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Listing, creating and changing users, for administrators and provincial managers; which users and which roles
 * and units each may touch is the service's to decide. The unit picker works without JavaScript: the form posts
 * back to itself with {@code unitSearch} to list matching units, and with {@code pickUnit} to choose one, and
 * nothing is saved until the form is submitted.
 */
@Controller
class UserController {

    private final UserAdministration users;

    private final UnitDirectory directory;

    UserController(UserAdministration users, UnitDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    @GetMapping("/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("role", role);
        model.addAttribute("roles", users.grantableRoles());
        model.addAttribute("result", users.list(q, role, page));
        return "user/list";
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        model.addAttribute("userForm", NewUserForm.empty());
        return newPage(model);
    }

    @PostMapping(path = "/users/new", params = "unitSearch")
    String searchUnitsForNew(@ModelAttribute("userForm") NewUserForm form, BindingResult binding, Model model) {
        model.addAttribute("unitResults", directory.search(form.unitCode(), directory.today()));
        return newPage(model);
    }

    @PostMapping(path = "/users/new", params = "pickUnit")
    String pickUnitForNew(@ModelAttribute("userForm") NewUserForm form, BindingResult binding,
            @RequestParam String pickUnit, Model model) {
        model.addAttribute("userForm", form.withUnitCode(pickUnit));
        return newPage(model);
    }

    /**
     * The one-time password is rendered by this very response, as a new API token is, not carried to a redirect in
     * the session (a row of PostgreSQL or a key in Redis with shared sessions): a secret is written nowhere, and
     * {@code no-store} keeps it out of the browser's cache. Reloading sends the form again, whose issue key then leads
     * to the user's page instead of a refusal that the name is taken.
     */
    @PostMapping("/users/new")
    String create(@Validated @ModelAttribute("userForm") NewUserForm form, BindingResult binding, Model model,
            HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> issuedBefore = IssuedForms.issued(session, form.issueKey());
        if (issuedBefore.isPresent()) {
            redirect.addFlashAttribute("messageKey", "users.issuedOnce");
            return "redirect:" + issuedBefore.get();
        }
        if (!binding.hasErrors()) {
            // Remembered first: a second request of the same form that comes while this one creates is turned away.
            IssuedForms.remember(session, form.issueKey(), "/users");
            try {
                IssuedPassword issued = users.create(form.toNewUser());
                IssuedForms.remember(session, form.issueKey(), "/users/" + issued.id());
                return issuedPage(issued, "users.created", model, response);
            }
            catch (UserRejected rejected) {
                IssuedForms.forget(session, form.issueKey());
                reject(rejected.problems(), binding);
            }
        }
        else {
            // Refused for its shape: the rules of the fields that did bind are said in the same round.
            reject(users.problems(form.toNewUser()).stream().filter(problem -> problem.field() != null
                    && !binding.hasFieldErrors(problem.field().formField())).toList(), binding);
        }
        return newPage(model);
    }

    @GetMapping("/users/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", users.detail(id));
        return "user/show";
    }

    @GetMapping("/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserDetail user = users.detail(id);
        model.addAttribute("userForm", EditUserForm.of(user));
        return editPage(user, model);
    }

    @PostMapping(path = "/users/{id}/edit", params = "unitSearch")
    String searchUnitsForEdit(@PathVariable long id, @ModelAttribute("userForm") EditUserForm form,
            BindingResult binding, Model model) {
        UserDetail user = users.detail(id);
        model.addAttribute("unitResults", directory.search(form.unitCode(), directory.today()));
        return editPage(user, model);
    }

    @PostMapping(path = "/users/{id}/edit", params = "pickUnit")
    String pickUnitForEdit(@PathVariable long id, @ModelAttribute("userForm") EditUserForm form,
            BindingResult binding, @RequestParam String pickUnit, Model model) {
        UserDetail user = users.detail(id);
        model.addAttribute("userForm", form.withUnitCode(pickUnit));
        return editPage(user, model);
    }

    @PostMapping("/users/{id}/edit")
    String update(@PathVariable long id, @Validated @ModelAttribute("userForm") EditUserForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        UserDetail user = users.detail(id);
        if (binding.hasFieldErrors("version")) {
            // The hidden version the page was opened with is missing or not a number: which version the user saw is
            // unknown, so the save is refused as a stale one is, with the same advice.
            binding.reject("users.problem.changedMeanwhile");
        }
        if (!binding.hasErrors()) {
            try {
                users.update(id, form.toChanges());
                redirect.addFlashAttribute("messageKey", "users.updated");
                return "redirect:/users/" + id;
            }
            catch (UserRejected rejected) {
                reject(rejected.problems(), binding);
            }
        }
        return editPage(user, model);
    }

    /** Disabling and resetting a password end the user's sessions, so each asks on a page of its own first. */
    @GetMapping("/users/{id}/disable")
    String confirmDisable(@PathVariable long id, Model model) {
        users.pendingReviews(id).ifPresent(pending -> model.addAttribute("pendingReviews", pending));
        return confirm(id, "disable", model);
    }

    @GetMapping("/users/{id}/password")
    String confirmReset(@PathVariable long id, Model model) {
        return confirm(id, "password", model);
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        try {
            users.disable(id);
            redirect.addFlashAttribute("messageKey", "users.disabled");
        }
        catch (UserRejected rejected) {
            redirect.addFlashAttribute("errorKey", rejected.problems().get(0).messageKey());
        }
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        users.enable(id);
        redirect.addFlashAttribute("messageKey", "users.enabled");
        return "redirect:/users/" + id;
    }

    /** The new password is shown once, by this response, as a new user's is ({@link #create}). */
    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) @Nullable String issueKey,
            Model model, HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        String userPage = "/users/" + id;
        if (IssuedForms.issued(session, issueKey).isPresent()) {
            redirect.addFlashAttribute("messageKey", "users.issuedOnce");
            return "redirect:" + userPage;
        }
        IssuedForms.remember(session, issueKey, userPage);
        try {
            return issuedPage(users.resetPassword(id), "users.passwordReset", model, response);
        }
        catch (UserRejected rejected) {
            IssuedForms.forget(session, issueKey);
            redirect.addFlashAttribute("errorKey", rejected.problems().get(0).messageKey());
            return "redirect:" + userPage;
        }
    }

    private String issuedPage(IssuedPassword issued, String messageKey, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("user", users.detail(issued.id()));
        model.addAttribute("issuedPassword", issued);
        model.addAttribute("messageKey", messageKey);
        return "user/show";
    }

    private String confirm(long id, String action, Model model) {
        model.addAttribute("user", users.detail(id));
        model.addAttribute("action", action);
        model.addAttribute("issueKey", UUID.randomUUID().toString());
        return "user/confirm";
    }

    /** Each refusal goes under its field, or above the form when it concerns no field of it. */
    private static void reject(List<UserProblem> problems, BindingResult binding) {
        problems.forEach(problem -> {
            Object[] arguments = problem.arguments().toArray();
            if (problem.field() == null) {
                binding.reject(problem.messageKey(), arguments, problem.messageKey());
            }
            else {
                binding.rejectValue(problem.field().formField(), problem.messageKey(), arguments,
                        problem.messageKey());
            }
        });
    }

    private String newPage(Model model) {
        model.addAttribute("roles", users.grantableRoles());
        model.addAttribute("editing", false);
        return "user/form";
    }

    private String editPage(UserDetail user, Model model) {
        List<Role> roles = users.grantableRoles();
        model.addAttribute("user", user);
        model.addAttribute("roles", roles);
        model.addAttribute("editing", true);
        return "user/form";
    }
}
