package org.communedx.web.scorecard;

import org.communedx.service.assessment.Scorecards;
import org.communedx.service.progress.Rollups;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    /**
     * @param period another period chosen in the page's period switcher, a GET form that works without script: the
     *        answer is that period's own address, so that it is bookmarked and kept like any scorecard
     */
    @GetMapping("/communes/{code}/periods/{periodId}")
    String show(@PathVariable String code, @PathVariable long periodId, @RequestParam(required = false) Long period,
            Model model, RedirectAttributes redirect) {
        if (period != null && period != periodId) {
            redirect.addAttribute("code", code);
            redirect.addAttribute("periodId", period);
            return "redirect:/communes/{code}/periods/{periodId}";
        }
        model.addAttribute("scorecard", scorecards.scorecard(code, periodId));
        model.addAttribute("trend", rollups.trendOf(code, periodId));
        model.addAttribute("periods", scorecards.periodsOf(code));
        return "scorecard/show";
    }
}
