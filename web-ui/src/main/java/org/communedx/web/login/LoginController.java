package org.communedx.web.login;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

@Controller
class LoginController {

    /**
     * @param throttled the minutes a client must wait after too many wrong passwords (the login's failure handler
     *     sends it); only a number is shown, so that a link cannot put words on the page
     * @param signedIn the account already signed in in this browser, if any: the page says so and leads home, and
     *     keeps the form for signing in as someone else
     * @param disabled present after the right password of a disabled account
     * @param error present after a wrong password: the page's title says that the login was refused, as a refused
     *     form's does, and the fields are described by the refusal ({@code loginRefusal}, its alert's id; a template
     *     may not read a request parameter into an attribute)
     */
    @GetMapping("/login")
    String login(@RequestParam(name = "throttled", required = false) String throttled, Principal signedIn,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "disabled", required = false) String disabled, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        keepTypedUsername(model, request, response);
        if (signedIn != null) {
            model.addAttribute("signedInAs", signedIn.getName());
        }
        if (throttled != null && throttled.matches("[1-9][0-9]{0,3}")) {
            model.addAttribute("waitMinutes", Integer.parseInt(throttled));
        }
        if (model.containsAttribute("waitMinutes")) {
            model.addAttribute("loginRefusal", "login-throttled");
        }
        else if (disabled != null) {
            model.addAttribute("loginRefusal", "login-disabled");
        }
        else if (error != null) {
            model.addAttribute("loginRefusal", "login-failed");
        }
        return "login/form";
    }

    /**
     * The username typed before a refusal (SecurityConfiguration's flash) is offered on the page right after it, and
     * on that page again in the other language: the language switch came back with the field empty. Any other
     * opening of the login page does not offer it.
     */
    private static void keepTypedUsername(Model model, HttpServletRequest request, HttpServletResponse response) {
        Object typed = model.getAttribute("typedUsername");
        if (typed != null) {
            FlashMap again = RequestContextUtils.getOutputFlashMap(request);
            again.put("typedUsername", typed);
            again.setTargetRequestPath("/login");
            again.addTargetRequestParam("lang",
                    "en".equals(RequestContextUtils.getLocale(request).getLanguage()) ? "vi" : "en");
            RequestContextUtils.saveOutputFlashMap("/login", request, response);
        }
    }
}
