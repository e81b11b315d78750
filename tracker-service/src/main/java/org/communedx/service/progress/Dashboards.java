package org.communedx.service.progress;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.PlanStatus;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.ProgressViews.TrendPoint;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a dashboard page shows (journey J3): a rollup with its trend, the plans over the unit and below it, and for
 * a district the review backlog of each commune. Everything is read fresh on every request.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    private final Rollups rollups;

    private final PlanTrackers plans;

    private final Scorecards scorecards;

    private final PeriodRepository periods;

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final JdbcClient jdbc;

    Dashboards(Rollups rollups, PlanTrackers plans, Scorecards scorecards, PeriodRepository periods,
            AdministrativeUnitRepository units, Scopes scopes, JdbcClient jdbc) {
        this.rollups = rollups;
        this.plans = plans;
        this.scorecards = scorecards;
        this.periods = periods;
        this.units = units;
        this.scopes = scopes;
        this.jdbc = jdbc;
    }

    public record PeriodChoice(long id, String name) {
    }

    /**
     * @param backlog entries waiting for review (submitted, or not-applicable requests) per commune code, on the
     *     dashboard of the unit right above the communes, whose officials review them: a district before the 2025
     *     reform, a province after it; null on any other
     */
    public record Dashboard(Rollup rollup, List<TrendPoint> trend, PlanOverview plans,
            @Nullable Map<String, Integer> backlog, List<PeriodChoice> periods) {
    }

    /**
     * The plans over and under a dashboard's unit that are scored on its period ({@link PlanTracker#shownOn}). A
     * district has one or two and a province a few dozen, but the country has one per district and province (some
     * 750): past {@link #CARDS} the page shows how many stand in each status, and the plan list holds them all.
     * @param cards every plan's tracker when there are at most {@link #CARDS}, else none
     * @param byStatus how many plans stand in each status, every status present
     * @param elsewhere the first {@link #CARDS} of the unit's plans scored on other periods, latest deadline first,
     *     which the page names with their period: "no plan" had been said of a 2023 dashboard whose plan runs
     *     2023–2025
     * @param elsewhereTotal how many plans are scored on other periods, of which the page names {@code elsewhere}
     */
    public record PlanOverview(int total, List<PlanTracker> cards, Map<PlanStatus, Long> byStatus,
            List<PlanTracker> elsewhere, int elsewhereTotal) {

        public static final int CARDS = 12;

        static PlanOverview of(List<PlanTracker> trackers, long periodId) {
            List<PlanTracker> shown = trackers.stream().filter(tracker -> tracker.shownOn(periodId)).toList();
            List<PlanTracker> others = trackers.stream().filter(tracker -> !tracker.shownOn(periodId)).toList();
            Map<PlanStatus, Long> byStatus = new EnumMap<>(PlanStatus.class);
            for (PlanStatus status : PlanStatus.values()) {
                byStatus.put(status, shown.stream().filter(tracker -> tracker.status() == status).count());
            }
            return new PlanOverview(shown.size(), shown.size() <= CARDS ? shown : List.of(), byStatus,
                    others.subList(0, Math.min(others.size(), CARDS)), others.size());
        }

        /** Every plan over the unit's communes, whatever its period: as many as the plan list holds of them. */
        public int all() {
            return total + elsewhereTotal;
        }

        public boolean summarised() {
            return total > CARDS;
        }

        /** Whether a plan shown is forecast, for the page to explain the forecast only then. */
        public boolean forecasting() {
            return byStatus.entrySet().stream().anyMatch(count -> count.getKey().forecast() && count.getValue() > 0);
        }
    }

    /** Where a user's dashboard is: a province or district code, or the whole country (an empty code). */
    public record Home(Optional<String> unitCode, boolean national) {
    }

    /** A district's or province's dashboard; outside the caller's scope the unit does not exist. */
    public Dashboard unit(String unitCode, Long periodId, int threshold) {
        long period = periodOf(unitCode, periodId);
        Rollup rollup = rollups.rollup(unitCode, period, threshold, Rollups.Detail.COMMUNES_BY_GROUP);
        List<PlanTracker> trackers = plans.plansOverCommunes(period, rollup.ranking().stream().map(CommuneFigure::code)
                .collect(Collectors.toSet()));
        boolean parentOfCommunes = rollup.ranking().stream()
                .anyMatch(commune -> rollup.unitCode().equals(commune.parentCode()));
        Map<String, Integer> backlog = parentOfCommunes ? backlog(rollup.unitCode(), period) : null;
        return new Dashboard(rollup, rollups.trend(unitCode, period), PlanOverview.of(trackers, period), backlog,
                choicesOf(unitCode));
    }

    /** What a dashboard's charts draw: the rollup's totals and the trend, without the ranking's detail or plans. */
    public record ChartFigures(Rollup rollup, List<TrendPoint> trend) {
    }

    /** A district's or province's chart figures; outside the caller's scope the unit does not exist. */
    public ChartFigures unitCharts(String unitCode, Long periodId, int threshold) {
        long period = periodOf(unitCode, periodId);
        return new ChartFigures(rollups.rollup(unitCode, period, threshold, Rollups.Detail.TOTALS),
                rollups.trend(unitCode, period));
    }

    /** The country's chart figures, for administrators. */
    public ChartFigures nationalCharts(Long periodId, int threshold) {
        long period = periodOrCurrent(periodId);
        return new ChartFigures(rollups.national(period, threshold), rollups.trend(null, period));
    }

    /** The whole country, for administrators. */
    public Dashboard national(Long periodId, int threshold) {
        long period = periodOrCurrent(periodId);
        return new Dashboard(rollups.national(period, threshold), rollups.trend(null, period),
                PlanOverview.of(plans.plans(), period), null, choices());
    }

    /** The dashboard a user starts from: the country for administrators, else their own province or district. */
    public Home home() {
        UnitScope scope = scopes.current();
        if (scope.everything()) {
            return new Home(Optional.empty(), true);
        }
        return Optional.ofNullable(scope.rootCode()).flatMap(code -> units.findAllByCode(code).stream()
                .filter(unit -> unit.getLevel() != UnitLevel.COMMUNE).findFirst())
                .map(unit -> new Home(Optional.of(unit.getCode()), false)).orElse(new Home(Optional.empty(), false));
    }

    /** A period as the API names it, with its year. */
    public record NamedPeriod(long id, int year) {
    }

    /**
     * The period the API names: by its id ({@code ?periodId=}), which is exact, else by its year
     * ({@code ?period=2025}), the latest that year if there are several.
     */
    public NamedPeriod periodNamed(Integer year, Long periodId) {
        return periods.findAllNewestFirst().stream()
                .filter(period -> periodId != null ? period.getId().equals(periodId) : period.getYear() == year)
                .findFirst().map(period -> new NamedPeriod(period.getId(), period.getYear()))
                .orElseThrow(() -> new ProgressNotFoundException("period " + (periodId != null ? periodId
                        : "of " + year)));
    }

    public long periodOrCurrent(Long periodId) {
        if (periodId != null) {
            return periodId;
        }
        return scorecards.currentPeriod().orElseThrow(() -> new ProgressNotFoundException("period"));
    }

    /**
     * The period asked for; else the current one, unless no unit held the code then: a unit the 2025 reform ended
     * (Huyện Lạc Sơn, Tỉnh Hòa Bình) opens on the period it lived in that began last, where its figures are.
     */
    private long periodOf(String unitCode, Long periodId) {
        long current = periodOrCurrent(periodId);
        if (periodId != null) {
            return current;
        }
        List<Period> all = periods.findAllNewestFirst();
        boolean heldNow = all.stream().filter(period -> period.getId() == current)
                .anyMatch(period -> scopes.heldDuring(unitCode, period).isPresent());
        if (heldNow) {
            return current;
        }
        return all.stream().filter(period -> scopes.heldDuring(unitCode, period).isPresent())
                .max(Comparator.comparing(Period::getStartDate)).map(Period::getId).orElse(current);
    }

    private List<PeriodChoice> choices() {
        return periods.findAllNewestFirst().stream().map(period -> new PeriodChoice(period.getId(), period.getName()))
                .toList();
    }

    /**
     * The periods the unit's dashboard can show, newest first: not 2026 for a district the 2025 reform ended, which
     * would answer 404 (a commune's scorecard offers its periods alike).
     */
    private List<PeriodChoice> choicesOf(String unitCode) {
        return rollups.reachablePeriods(unitCode, periods.findAllNewestFirst()).stream()
                .map(period -> new PeriodChoice(period.getId(), period.getName())).toList();
    }

    private Map<String, Integer> backlog(String parentCode, long periodId) {
        Period period = periods.findById(periodId).orElseThrow(() -> new ProgressNotFoundException("period"));
        Map<String, Integer> backlog = new HashMap<>();
        jdbc.sql("""
                select u.code, count(*) as waiting from criterion_entry e
                join assessment a on a.id = e.assessment_id and a.period_id = :period
                join administrative_unit u on u.id = a.unit_id
                join administrative_unit parent on parent.id = u.parent_id
                where e.status in ('SUBMITTED', 'NOT_APPLICABLE_REQUESTED') and parent.code = :parent
                    and (parent.valid_from is null or parent.valid_from <= :day)
                    and (parent.valid_to is null or parent.valid_to >= :day)
                group by u.code""").param("period", periodId).param("parent", parentCode)
                .param("day", period.getStartDate())
                .query((rs, row) -> backlog.put(rs.getString("code"), rs.getInt("waiting"))).list();
        return backlog;
    }
}
