package org.communedx.web.dashboard;

import java.util.List;
import java.util.Locale;

import org.communedx.service.progress.Dashboards;
import org.communedx.service.progress.Dashboards.ChartFigures;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.communedx.web.format.Formats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The series the dashboard's charts draw, as JSON, so that the pages need no inline script. The same figures are in
 * the tables beside each chart; the trend's days are written as every page writes them (dd/MM/yyyy).
 */
@RestController
class ChartApiController {

    private final Dashboards dashboards;

    ChartApiController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** One chart: a label and a value per bar or point. */
    record Series(List<String> labels, List<Number> values) {
    }

    record Charts(Series children, Series distribution, Series groups, Series trend) {
    }

    @GetMapping("/api/v1/units/{code}/charts")
    Charts unit(@PathVariable String code, @RequestParam(required = false) Long period,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold, Locale locale) {
        return charts(dashboards.unitCharts(code, period, threshold), locale);
    }

    @GetMapping("/api/v1/country/charts")
    Charts national(@RequestParam(required = false) Long period,
            @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) int threshold, Locale locale) {
        return charts(dashboards.nationalCharts(period, threshold), locale);
    }

    private static Charts charts(ChartFigures figures, Locale locale) {
        Rollup rollup = figures.rollup();
        return new Charts(
                new Series(rollup.children().stream().map(child -> child.name()).toList(),
                        rollup.children().stream().map(child -> (Number) child.averageVerified()).toList()),
                new Series(rollup.distribution().stream().map(bucket -> bucket.from() + "–" + bucket.to() + "%")
                        .toList(), rollup.distribution().stream().map(bucket -> (Number) bucket.communes()).toList()),
                new Series(rollup.groups().stream().map(group -> group.groupCode() + " " + group.name().in(locale))
                        .toList(), rollup.groups().stream().map(group -> (Number) group.averageVerified()).toList()),
                new Series(figures.trend().stream().map(point -> Formats.day(point.date())).toList(),
                        figures.trend().stream().map(point -> (Number) point.averageVerified()).toList()));
    }
}
