package org.communedx.web.login;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /**
     * @param throttled the minutes a client must wait after too many wrong passwords (the login's failure handler
     *     sends it); only a number is shown, so that a link cannot put words on the page
     * @param signedIn the account already signed in in this browser, if any: the page says so and leads home, and
     *     keeps the form for signing in as someone else
     */
    @GetMapping("/login")
    String login(@RequestParam(name = "throttled", required = false) String throttled, Principal signedIn,
            Model model) {
        if (signedIn != null) {
            model.addAttribute("signedInAs", signedIn.getName());
        }
        if (throttled != null && throttled.matches("[1-9][0-9]{0,3}")) {
            model.addAttribute("waitMinutes", Integer.parseInt(throttled));
        }
        return "login/form";
    }
}
