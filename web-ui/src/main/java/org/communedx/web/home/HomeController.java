package org.communedx.web.home;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.service.Actors;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.framework.FrameworkCatalogue;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.job.JobStatus;
import org.communedx.service.mapping.PrefillJobs;
import org.communedx.service.period.PeriodService;
import org.communedx.service.progress.Dashboards;
import org.communedx.service.unit.UnitImportJobs;
import org.communedx.service.user.AccountSettings;
import org.communedx.service.user.LoginAttempts;
import org.communedx.service.user.UserImport;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Each role's first screen: commune staff their commune's scorecard of the current period, whose top says what they
 * still have to do (J1); district officials, provincial managers and viewers their unit's dashboard, which shows a
 * reviewer their queue; administrators what needs them. Anyone else (an account without a unit) a greeting.
 */
@Controller
class HomeController {

    /** The most locked-out usernames the page lists; it says how many there are in all. */
    static final int THROTTLED_SHOWN = 20;

    /** Deadlines passed within this many days are still worth an administrator's look: someone may ask to extend. */
    static final int DEADLINE_DAYS_PAST = 30;

    static final int DEADLINE_DAYS_AHEAD = 14;

    /** Each kind of background job's own page, where its starter follows it and fetches its result. */
    private static final Map<String, String> JOB_PAGES = Map.of(UserImport.JOB_KIND, "/users/import/jobs/",
            UnitImportJobs.JOB_KIND, "/units/import/jobs/", PrefillJobs.JOB_KIND, "/mappings/prefill/jobs/");

    private final Scorecards scorecards;

    private final Dashboards dashboards;

    private final AccountSettings accounts;

    private final LoginAttempts loginAttempts;

    private final BackgroundJobs jobs;

    private final FrameworkCatalogue frameworks;

    private final PeriodService periods;

    HomeController(Scorecards scorecards, Dashboards dashboards, AccountSettings accounts, LoginAttempts loginAttempts,
            BackgroundJobs jobs, FrameworkCatalogue frameworks, PeriodService periods) {
        this.scorecards = scorecards;
        this.dashboards = dashboards;
        this.accounts = accounts;
        this.loginAttempts = loginAttempts;
        this.jobs = jobs;
        this.frameworks = frameworks;
        this.periods = periods;
    }

    /** A background job as the home page lists it, with the address of its own page. */
    record JobLink(JobStatus status, String path) {
    }

    @GetMapping("/")
    String home(Model model, RedirectAttributes redirect, HttpServletRequest request) {
        // What was sent home for the next page ("Đã đổi mật khẩu." after the password a reset forced, or a refusal)
        // goes on to the page home leads to: it was spent on this redirect, and a user who had just chosen a
        // password was not told it was taken. Passed on only on a redirect; a page rendered here shows it itself.
        Map<String, ?> sent = RequestContextUtils.getInputFlashMap(request);
        if (sent != null) {
            sent.forEach(redirect::addFlashAttribute);
        }
        var own = scorecards.ownCurrentScorecard();
        if (own.isPresent()) {
            redirect.addAttribute("code", own.get().communeCode());
            redirect.addAttribute("periodId", own.get().periodId());
            return "redirect:/communes/{code}/periods/{periodId}";
        }
        model.addAttribute("displayName", accounts.account(Actors.username()).displayName());
        if (Actors.hasAnyRole("ADMIN")) {
            model.addAttribute("throttled", loginAttempts.throttled(THROTTLED_SHOWN));
            model.addAttribute("heldAddresses", loginAttempts.heldAddresses(THROTTLED_SHOWN));
            model.addAttribute("jobs", jobLinks(jobs.ownJobs()));
            model.addAttribute("drafts", frameworks.drafts());
            model.addAttribute("deadlines", periods.deadlinesNear(DEADLINE_DAYS_PAST, DEADLINE_DAYS_AHEAD));
            model.addAttribute("deadlineDaysPast", DEADLINE_DAYS_PAST);
            model.addAttribute("deadlineDaysAhead", DEADLINE_DAYS_AHEAD);
            return "home/admin";
        }
        return dashboards.home().unitCode().map(code -> {
            redirect.addAttribute("code", code);
            return "redirect:/units/{code}/dashboard";
        }).orElse("home/index");
    }

    /** An administrator lets a username that wrong passwords held back try again now, from the list above. */
    @PostMapping("/admin/login-holds/release")
    String releaseLoginHold(@RequestParam String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute("messageKey", loginAttempts.release(username)
                ? "home.admin.throttled.released" : "home.admin.throttled.notHeld");
        return "redirect:/";
    }

    /**
     * An administrator lets an address that wrong passwords for many usernames held back (an office behind one
     * address) try every username again now, from the list above.
     */
    @PostMapping("/admin/login-holds/release-address")
    String releaseHeldAddress(@RequestParam String address, RedirectAttributes redirect) {
        redirect.addFlashAttribute("messageKey", loginAttempts.releaseAddress(address)
                ? "home.admin.throttled.addressReleased" : "home.admin.throttled.addressNotHeld");
        return "redirect:/";
    }

    private static List<JobLink> jobLinks(List<JobStatus> kept) {
        return kept.stream().map(job -> new JobLink(job,
                JOB_PAGES.containsKey(job.kind()) ? JOB_PAGES.get(job.kind()) + job.id() : null)).toList();
    }
}
