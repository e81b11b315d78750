package org.communedx.web.user;

import org.communedx.service.user.UserImport;
import org.communedx.service.user.UserRejected;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Many users from one CSV file. The created users and their one-time passwords are the answer to the upload
 * itself rather than a redirect: they are shown once and never pass through the session.
 */
@Controller
class UserImportController {

    private final UserImport userImport;

    UserImportController(UserImport userImport) {
        this.userImport = userImport;
    }

    @GetMapping("/users/import")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/users/import")
    String importUsers(@RequestParam(required = false) MultipartFile file, Model model) {
        try {
            model.addAttribute("issued", userImport.importCsv(file));
            return "user/imported";
        }
        catch (UserRejected rejected) {
            model.addAttribute("importProblems", rejected.problems());
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("header", UserImport.HEADER);
        model.addAttribute("importLimits", userImport.limits());
        return "user/import";
    }
}
