package org.communedx.web.dashboard;

import org.communedx.service.assessment.ReviewQueue;
import org.communedx.service.progress.Dashboards;
import org.communedx.service.progress.Dashboards.Dashboard;
import org.communedx.service.progress.Dashboards.Home;
import org.communedx.service.progress.Rollups;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboards of journey J3: the country (administrators), a province or a district. The service answers 404 for
 * a unit outside the caller's scope. Every figure is read on the request, so an approval shows on the next one.
 */
@Controller
class DashboardController {

    private final Dashboards dashboards;

    private final ReviewQueue reviewQueue;

    DashboardController(Dashboards dashboards, ReviewQueue reviewQueue) {
        this.dashboards = dashboards;
        this.reviewQueue = reviewQueue;
    }

    /**
     * Each user's own dashboard: the country, their province or district, or for a commune its scorecard; on the
     * period and threshold it is given (a breadcrumb back from a district's dashboard keeps them).
     */
    @GetMapping("/dashboard")
    String home(@RequestParam(required = false) Long period, @RequestParam(required = false) Integer threshold,
            RedirectAttributes redirect) {
        Home home = dashboards.home();
        if (period != null) {
            redirect.addAttribute("period", period);
        }
        if (threshold != null) {
            redirect.addAttribute("threshold", Rollups.threshold(threshold));
        }
        if (home.national()) {
            return "redirect:/dashboard/national";
        }
        return home.unitCode().map(code -> {
            redirect.addAttribute("code", code);
            return "redirect:/units/{code}/dashboard";
        }).orElse("redirect:/");
    }

    @GetMapping("/dashboard/national")
    String national(@RequestParam(required = false) Long period,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold,
            @RequestParam(defaultValue = "rank") String sort, @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("dashboardPath", "/dashboard/national");
        model.addAttribute("chartsPath", "/api/v1/country/charts");
        return show(dashboards.national(period, Rollups.threshold(threshold)), sort, page, model);
    }

    @GetMapping("/units/{code}/dashboard")
    String unit(@PathVariable String code, @RequestParam(required = false) Long period,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold,
            @RequestParam(defaultValue = "rank") String sort, @RequestParam(defaultValue = "1") int page,
            Model model) {
        Dashboard dashboard = dashboards.unit(code, period, Rollups.threshold(threshold));
        model.addAttribute("dashboardPath", "/units/" + dashboard.rollup().unitCode() + "/dashboard");
        model.addAttribute("chartsPath", "/api/v1/units/" + dashboard.rollup().unitCode() + "/charts");
        // A reviewer's own unit: the callout at the top says what waits for them there.
        reviewQueue.waitingAt(dashboard.rollup().unitCode())
                .ifPresent(waiting -> model.addAttribute("reviewWaiting", waiting));
        return show(dashboard, sort, page, model);
    }

    private static String show(Dashboard dashboard, String sort, int page, Model model) {
        RankingOrder order = RankingOrder.of(sort);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("rollup", dashboard.rollup());
        model.addAttribute("ranking", order.page(dashboard.rollup().ranking(), page));
        model.addAttribute("sort", order.key());
        return "dashboard/show";
    }
}
