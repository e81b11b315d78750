package org.communedx.web.scorecard;

import org.communedx.service.assessment.Scorecards;
import org.communedx.service.progress.Rollups;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A commune's scorecard for one period (journey J1), with its verified completion month by month; the services answer
 * 404 outside the caller's scope.
 */
@Controller
class ScorecardController {

    private final Scorecards scorecards;

    private final Rollups rollups;

    ScorecardController(Scorecards scorecards, Rollups rollups) {
        this.scorecards = scorecards;
        this.rollups = rollups;
    }

    @GetMapping("/communes/{code}/periods/{periodId}")
    String show(@PathVariable String code, @PathVariable long periodId, Model model) {
        model.addAttribute("scorecard", scorecards.scorecard(code, periodId));
        model.addAttribute("trend", rollups.trendOf(code, periodId));
        return "scorecard/show";
    }
}
