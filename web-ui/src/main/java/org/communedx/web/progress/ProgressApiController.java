package org.communedx.web.progress;

import java.math.BigDecimal;
import java.util.List;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.Dashboards;
import org.communedx.service.progress.Dashboards.NamedPeriod;
import org.communedx.service.progress.PlanTrackers;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only progress API, scoped like the pages (404 outside the caller's scope), for HTTP Basic or a session.
 * Percentages are numbers with one decimal, rounded half up. A commune's figures also come as points, whatever its
 * framework shows: {@code score} (verified points), {@code claimedScore} and {@code maxScore} (the maxima of the
 * applicable criteria), with the two decimals each criterion's points are kept to; percent = score / maxScore.
 */
@RestController
class ProgressApiController {

    private final Dashboards dashboards;

    private final Rollups rollups;

    private final Scorecards scorecards;

    private final PlanTrackers plans;

    ProgressApiController(Dashboards dashboards, Rollups rollups, Scorecards scorecards, PlanTrackers plans) {
        this.dashboards = dashboards;
        this.rollups = rollups;
        this.scorecards = scorecards;
        this.plans = plans;
    }

    @Schema(description = "A commune's progress, or a district's or province's, in one period")
    record Progress(String unitCode, String name, String level,
            @Schema(description = "The period's year") int year,
            @Schema(description = "The period's id, as GET /api/v1/periods lists it") long periodId,
            @Schema(description = "The period's name") String period,
            @Schema(description = "Communes counted (districts and provinces)") Integer communeCount,
            @Schema(description = "Average verified percent of the communes (districts and provinces)")
            BigDecimal averageVerifiedPercent,
            @Schema(description = "Average verified points of the communes, out of maxScore (districts and "
                    + "provinces): the dashboard's average. Not averageVerifiedPercent × maxScore, since a commune's "
                    + "percent is of its own applicable maximum") BigDecimal averageScore,
            @Schema(description = "Verified percent (communes)") BigDecimal verifiedPercent,
            @Schema(description = "Claimed percent (communes)") BigDecimal claimedPercent,
            @Schema(description = "Verified points (communes)") BigDecimal score,
            @Schema(description = "Claimed points (communes)") BigDecimal claimedScore,
            @Schema(description = "Most points of the applicable criteria (communes), or of the version's scale "
                    + "(districts and provinces)") BigDecimal maxScore,
            List<GroupProgress> groups, List<CriterionProgress> criteria, List<CommuneProgress> communes) {
    }

    record GroupProgress(String code, BigDecimal verifiedPercent, BigDecimal claimedPercent, BigDecimal score,
            BigDecimal claimedScore, BigDecimal maxScore) {
    }

    record CriterionProgress(String code, EntryStatus status,
            @Schema(description = "The value entered, not a completion percent: a PERCENT criterion's numerator over "
                    + "its denominator in percent with two decimals, as on the entry page; a COUNT or LEVEL as "
                    + "the number; BOOLEAN as 1 or 0; null before a value is entered") BigDecimal value,
            boolean met,
            @Schema(description = "Points the value earns by the criterion's scoring rule, whatever its status")
            BigDecimal score,
            @Schema(description = "The criterion's maximum where it counts; null for a criterion approved as not "
                    + "applicable, which leaves the commune's maxScore, as the exports leave it out")
            BigDecimal maxScore,
            @Schema(description = "ALL_OR_NOTHING, PROPORTIONAL, STEPS or LEVELS") ScoringMethod scoring) {
    }

    record CommuneProgress(String code, String name,
            @Schema(description = "Whether the commune has begun the period: one that has written nothing yet has "
                    + "0 everywhere, which is no score (the pages say it has none)") boolean started,
            BigDecimal verifiedPercent, BigDecimal claimedPercent,
            @Schema(description = "Verified points") BigDecimal score,
            @Schema(description = "Most points of the commune's applicable criteria") BigDecimal maxScore) {
    }

    @Operation(summary = "Progress of a unit in the period of a year",
            description = "For a commune: verified and claimed percent and points out of the maximum, per group, "
                    + "and each criterion's status, value, whether it meets its target and the points it earns; a commune that has written nothing in the period "
                    + "has every criterion NOT_STARTED with a null value, and reading it stores nothing. For a "
                    + "district or province: the commune count, the average verified percent and points, and each "
                    + "commune's verified and claimed percent and points. Either period or periodId names the "
                    + "period: one of them is required (400 api.refused.parameter without).")
    @GetMapping("/api/v1/units/{code}/progress")
    Progress progress(@PathVariable String code,
            @Parameter(description = "The period's year, e.g. 2025: the latest period of that year if there are "
                    + "several") @RequestParam(name = "period", required = false) Integer year,
            @Parameter(description = "The period's id, as GET /api/v1/periods lists it: names one period exactly. "
                    + "When given, period is not read") @RequestParam(required = false) Long periodId)
            throws MissingServletRequestParameterException {
        if (year == null && periodId == null) {
            // Either names the period: the refusal names both, as a script may have meant either.
            throw new MissingServletRequestParameterException("period/periodId", "int");
        }
        NamedPeriod named = dashboards.periodNamed(year, periodId);
        return progress(code, named.id(), named.year());
    }

    private Progress progress(String code, long periodId, int year) {
        // GSO codes have one length per level: five digits are a commune.
        if (UnitLevel.COMMUNE.acceptsCode(code)) {
            Scorecard card = scorecards.scorecard(code, periodId);
            return new Progress(card.communeCode(), card.communeName(), "COMMUNE", year, periodId, card.periodName(),
                    null, null, null, card.overall().verified(), card.overall().claimed(), card.score().verified(),
                    card.score().claimed(), card.score().maximum(),
                    card.groups().stream().map(group -> new GroupProgress(group.code(),
                            group.completion().verified(), group.completion().claimed(), group.score().verified(),
                            group.score().claimed(), group.score().maximum())).toList(),
                    card.groups().stream().flatMap(group -> group.criteria().stream())
                            .map(row -> new CriterionProgress(row.code(), row.status(),
                                    row.value() == null ? null : row.value().shownMeasure(), row.met(), row.points(),
                                    row.status() == EntryStatus.NOT_APPLICABLE ? null : row.maximum(), row.scoring()))
                            .toList(),
                    null);
        }
        Rollup rollup = rollups.rollup(code, periodId);
        return new Progress(rollup.unitCode(), rollup.unitName(), rollup.level().name(), year, periodId,
                rollup.periodName(), rollup.communeCount(), rollup.averageVerified(), rollup.averageScore(), null, null, null, null,
                rollup.maxScore(), null, null,
                rollup.ranking().stream().map(commune -> new CommuneProgress(commune.code(), commune.name(),
                        commune.started(), commune.verified(), commune.claimed(), commune.score(),
                        commune.maxScore())).toList());
    }

    @Operation(summary = "The plans over units in the caller's scope, with their status and forecast")
    @GetMapping("/api/v1/plans")
    List<PlanTracker> plans() {
        return plans.plans();
    }

    @Operation(summary = "One plan: target, deadline, communes at target, status and forecast")
    @GetMapping("/api/v1/plans/{id}")
    PlanTracker plan(@PathVariable long id) {
        return plans.plan(id);
    }
}
