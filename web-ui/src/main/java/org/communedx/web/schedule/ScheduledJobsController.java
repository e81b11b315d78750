package org.communedx.web.schedule;

import org.communedx.service.instance.JobRuns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every scheduled job, whoever wrote it: its last run, outcome and next run, then the history of runs a page at a
 * time. A job's name is shown by its message key {@code jobs.name.<name>} where there is one, as it is otherwise.
 */
@Controller
class ScheduledJobsController {

    static final int PAGE_SIZE = 50;

    private final JobRuns runs;

    ScheduledJobsController(JobRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/admin/scheduled-jobs")
    String show(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("jobs", runs.overview());
        model.addAttribute("history", runs.history(page, PAGE_SIZE));
        return "schedule/jobs";
    }
}
