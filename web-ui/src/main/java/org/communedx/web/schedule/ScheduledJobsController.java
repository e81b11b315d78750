package org.communedx.web.schedule;

import java.util.List;

import org.communedx.service.instance.JobRuns;
import org.communedx.service.instance.JobRuns.JobOverview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every scheduled job, whoever wrote it: its last run, outcome and next run, then the history of runs, of one job or
 * of all, a page at a time. A job's name is shown by its message key {@code jobs.name.<name>} where there is one, as
 * it is otherwise.
 */
@Controller
class ScheduledJobsController {

    static final int PAGE_SIZE = 50;

    private final JobRuns runs;

    ScheduledJobsController(JobRuns runs) {
        this.runs = runs;
    }

    /** @param job whose runs the history shows; every job's when empty or not a job the overview lists */
    @GetMapping("/admin/scheduled-jobs")
    String show(@RequestParam(defaultValue = "") String job, @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<JobOverview> jobs = runs.overview();
        String chosen = jobs.stream().map(JobOverview::name).filter(job::equals).findFirst().orElse(null);
        model.addAttribute("jobs", jobs);
        model.addAttribute("job", chosen);
        model.addAttribute("history", runs.history(chosen, page, PAGE_SIZE));
        return "schedule/jobs";
    }
}
