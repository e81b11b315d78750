package org.communedx.web.scorecard;

import org.communedx.service.assessment.Scorecards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A commune's scorecard for one period (journey J1); the service answers 404 outside the caller's scope. */
@Controller
class ScorecardController {

    private final Scorecards scorecards;

    ScorecardController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/communes/{code}/periods/{periodId}")
    String show(@PathVariable String code, @PathVariable long periodId, Model model) {
        model.addAttribute("scorecard", scorecards.scorecard(code, periodId));
        return "scorecard/show";
    }
}
