package org.communedx.web.home;

import org.communedx.service.assessment.Scorecards;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HomeController {

    private final Scorecards scorecards;

    HomeController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    /** Commune staff start on their own commune's scorecard for the current period (J1); others on the home page. */
    @GetMapping("/")
    String home(RedirectAttributes redirect) {
        return scorecards.ownCurrentScorecard().map(address -> {
            redirect.addAttribute("code", address.communeCode());
            redirect.addAttribute("periodId", address.periodId());
            return "redirect:/communes/{code}/periods/{periodId}";
        }).orElse("home/index");
    }
}
