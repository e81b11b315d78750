package org.communedx.web.dashboard;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.communedx.service.progress.ProgressViews;
import org.communedx.service.progress.Dashboards;
import org.communedx.service.progress.Dashboards.ChartFigures;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.communedx.web.format.Formats;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

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

    // As the progress API names a period: "period" was the id here and the year there, so that 2026 found nothing.
    private static final String YEAR = "The period's year, e.g. 2025: the latest period of that year if there are "
            + "several. Neither this nor periodId: the current period";

    private static final String PERIOD_ID = "The period's id, as GET /api/v1/periods lists it: names one period "
            + "exactly. When given, period is not read";

    private static final String THRESHOLD = "The percent a commune must reach to count as meeting it, 0 to 100";

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
    Charts unit(@PathVariable String code,
            @Parameter(description = YEAR) @RequestParam(name = "period", required = false) Integer year,
            @Parameter(description = PERIOD_ID) @RequestParam(required = false) Long periodId,
            @Parameter(description = THRESHOLD) @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) @Min(0) @Max(100)
            int threshold, Locale locale) {
        return charts(dashboards.unitCharts(code, period(year, periodId), threshold), locale);
    }

    @GetMapping("/api/v1/country/charts")
    Charts national(@Parameter(description = YEAR) @RequestParam(name = "period", required = false) Integer year,
            @Parameter(description = PERIOD_ID) @RequestParam(required = false) Long periodId,
            @Parameter(description = THRESHOLD) @RequestParam(defaultValue = "" + Rollups.DEFAULT_THRESHOLD) @Min(0) @Max(100)
            int threshold, Locale locale) {
        return charts(dashboards.nationalCharts(period(year, periodId), threshold), locale);
    }

    /** The period named as the progress API names it: its year or its id; none for the current one. */
    private @Nullable Long period(@Nullable Integer year, @Nullable Long periodId) {
        if (periodId != null || year == null) {
            return periodId;
        }
        return dashboards.periodNamed(year, null).id();
    }

    /**
     * The series, each the figure of the table beside its chart: on a points version the children's and the groups'
     * averaged points as a share of their maximum, which the tables show as "10,42 / 120 điểm" (the communes' own
     * percentages averaged, of their applicable maxima, were 9.7% beside it).
     */
    private static Charts charts(ChartFigures figures, Locale locale) {
        Rollup rollup = figures.rollup();
        boolean points = rollup.scoreSettings().points();
        return new Charts(
                new Series(rollup.children().stream().map(child -> child.name()).toList(),
                        rollup.children().stream().map(child -> (Number) (points
                                ? ProgressViews.share(child.averageScore(), rollup.maxScore()) : child.averageVerified())).toList()),
                new Series(rollup.distribution().stream().map(bucket -> bucket.from() + "–" + bucket.to() + "%")
                        .toList(), rollup.distribution().stream().map(bucket -> (Number) bucket.communes()).toList()),
                new Series(rollup.groups().stream().map(group -> group.groupCode() + " " + group.name().in(locale))
                        .toList(), rollup.groups().stream().map(group -> (Number) group.averagePercent(points))
                                .toList()),
                new Series(figures.trend().stream().map(point -> Formats.day(point.date())).toList(),
                        figures.trend().stream().map(point -> (Number) point.averageVerified()).toList()));
    }

}
