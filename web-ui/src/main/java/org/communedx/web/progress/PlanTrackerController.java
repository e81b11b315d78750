package org.communedx.web.progress;

import org.communedx.service.progress.PlanTrackers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One plan's tracker: every commune's figure, forecast and whether it reaches the target. */
@Controller
class PlanTrackerController {

    private final PlanTrackers plans;

    PlanTrackerController(PlanTrackers plans) {
        this.plans = plans;
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("plan", plans.plan(id));
        return "plan/tracker";
    }
}
