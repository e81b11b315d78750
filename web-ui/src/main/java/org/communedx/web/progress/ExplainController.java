package org.communedx.web.progress;

import org.communedx.service.assessment.Scorecards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Where a scorecard's percentage comes from: each criterion's weight, and why it counts or not. */
@Controller
class ExplainController {

    private final Scorecards scorecards;

    ExplainController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/communes/{code}/periods/{periodId}/explain")
    String explain(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(required = false) String group, Model model) {
        model.addAttribute("explanation", scorecards.explain(code, periodId, group == null || group.isBlank() ? null
                : group));
        return "scorecard/explain";
    }
}
