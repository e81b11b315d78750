package org.communedx.web.user;

import java.util.Locale;
import java.util.UUID;

import org.communedx.service.job.JobStatus;
import org.communedx.service.job.JobsBusyException;
import org.communedx.service.user.UserImport;
import org.communedx.service.user.UserRejected;
import org.communedx.web.config.Uploads;
import org.communedx.web.job.JobProgressView;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Many users from one CSV file. The file is checked at once; the users are created in the background, whose page
 * the administrator follows, and their one-time passwords are fetched from it once, by a POST, so that neither a
 * reload nor a proxy that gave up on a slow answer loses them, and they never pass through the session.
 */
@Controller
class UserImportController {

    private final UserImport userImport;

    private final MessageSource messages;

    UserImportController(UserImport userImport, MessageSource messages) {
        this.messages = messages;
        this.userImport = userImport;
    }

    @GetMapping("/users/import")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/users/import")
    String importUsers(@RequestParam(required = false) MultipartFile file, Model model) {
        // A file chosen but empty goes on, to be refused as empty like a file of blank lines.
        if (!Uploads.chosen(file)) {
            model.addAttribute("fileMissing", true);
            return page(model);
        }
        try {
            return "redirect:/users/import/jobs/" + userImport.start(file);
        }
        catch (UserRejected rejected) {
            model.addAttribute("importProblems", rejected.problems());
        }
        catch (JobsBusyException busy) {
            model.addAttribute("jobsBusy", busy.limit());
        }
        return page(model);
    }

    @GetMapping("/users/import/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        JobStatus job = userImport.job(id);
        if (job.refusal() instanceof UserRejected rejected) {
            model.addAttribute("importProblems", rejected.problems());
            return page(model);
        }
        model.addAttribute("job", job);
        return "user/import-job";
    }

    /** What the job's page polls, so that it can show progress without reloading. */
    @GetMapping(path = "/users/import/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobProgressView progress(@PathVariable UUID id, Locale locale) {
        return JobProgressView.of(userImport.job(id), messages, "users.job.running", locale);
    }

    @PostMapping("/users/import/jobs/{id}/passwords")
    String passwords(@PathVariable UUID id, Model model) {
        return userImport.takeImported(id).map(imported -> {
            model.addAttribute("issued", imported.issued());
            return "user/imported";
        }).orElseGet(() -> "redirect:/users/import/jobs/" + id);
    }

    private String page(Model model) {
        model.addAttribute("header", UserImport.HEADER);
        model.addAttribute("importLimits", userImport.limits());
        return "user/import";
    }
}
