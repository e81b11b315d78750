package org.communedx.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /**
     * @param throttled the minutes a client must wait after too many wrong passwords (the login's failure handler
     *     sends it); only a number is shown, so that a link cannot put words on the page
     */
    @GetMapping("/login")
    String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
        if (throttled != null && throttled.matches("[1-9][0-9]{0,3}")) {
            model.addAttribute("waitMinutes", Integer.parseInt(throttled));
        }
        return "login/form";
    }
}
