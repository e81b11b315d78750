package org.communedx.service.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.progress.Forecast.Point;
import org.communedx.service.progress.ProgressViews.PlanCommune;
import org.communedx.service.progress.ProgressViews.PlanStatus;
import org.communedx.service.progress.ProgressViews.PlanTracker;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;
import org.communedx.service.unit.UnitNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each plan stands: how many of its communes reach the target percent against the target number, its status,
 * and a forecast per commune from the real approval history ({@link Forecast}). A plan is scored on the period that
 * contains its deadline, or the latest within its dates before it ({@link ProgressLedger#scoringPeriodOf}). Once the
 * deadline has passed, every figure is the one of the deadline day, read from the history, so that later work does
 * not rewrite whether the plan was met.
 */
@Service
@Transactional(readOnly = true)
public class PlanTrackers {

    private final JdbcClient jdbc;

    private final Scopes scopes;

    private final Clock clock;

    private final ProgressLedger ledger;

    PlanTrackers(JdbcClient jdbc, Scopes scopes, Clock clock, ProgressLedger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * The plans over units of the caller's scope, latest deadline first. A plan is over one unit, so its unit is
     * checked, not its code: a code reused by a merger names a unit outside the scope on other dates.
     */
    public List<PlanTracker> plans() {
        UnitScope scope = scopes.current();
        return track(headers().stream().filter(plan -> scope.includesUnit(plan.scopeUnitId())).toList());
    }

    /**
     * The plans over any of a dashboard's communes, each tracked on its own period; the dashboard shows those
     * {@link PlanTracker#shownOn} its period, and names the others. A province formed by the reform has, for a period
     * before it, the plans of the districts its communes then lay under. Only these are tracked, as an administrator's
     * province page would otherwise follow every plan of the country to show a few.
     * @param communeCodes the communes of the dashboard's rollup
     */
    public List<PlanTracker> plansOverCommunes(long periodId, Set<String> communeCodes) {
        UnitScope scope = scopes.current();
        List<Header> reachable = headers().stream().filter(plan -> scope.includesUnit(plan.scopeUnitId())).toList();
        if (reachable.isEmpty() || communeCodes.isEmpty()) {
            return List.of();
        }
        // The plans over the communes in one query, as an administrator reaches every plan of the country. A code
        // names the dashboard's commune only in the unit that held it when the period began, the day the rollup takes
        // its communes on (Rollups): the 2025 merger gave many a code to a new commune.
        Set<Long> over = Set.copyOf(jdbc.sql("""
                select distinct pc.plan_id from plan_commune pc join administrative_unit u on u.id = pc.unit_id
                join period p on p.id = :period
                where u.code in (:codes) and (u.valid_from is null or u.valid_from <= p.start_date)
                    and (u.valid_to is null or u.valid_to >= p.start_date)""")
                .param("codes", communeCodes).param("period", periodId).query(Long.class).list());
        return track(reachable.stream().filter(plan -> over.contains(plan.id())).toList());
    }

    public PlanTracker plan(long id) {
        UnitScope scope = scopes.current();
        return headers().stream().filter(plan -> plan.id() == id && scope.includesUnit(plan.scopeUnitId())).findFirst()
                .map(plan -> track(List.of(plan)).get(0))
                .orElseThrow(() -> new ProgressNotFoundException("plan " + id));
    }

    private List<Header> headers() {
        return jdbc.sql("""
                select p.id, p.name, p.target_percent, p.target_commune_count, p.start_date, p.deadline,
                    u.id as unit_id, u.code, u.name as unit_name
                from plan p join administrative_unit u on u.id = p.scope_unit_id
                order by p.deadline desc, p.id desc""")
                .query((rs, row) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getInt("target_percent"),
                        rs.getInt("target_commune_count"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("deadline", LocalDate.class), rs.getLong("unit_id"), rs.getString("code"),
                        rs.getString("unit_name")))
                .list();
    }

    /**
     * The trackers of the plans, in their order. A national list holds a plan per district, so the participants and
     * the history of all of them are read in one query each (one history query per period and day scored), not three
     * queries a plan.
     */
    private List<PlanTracker> track(List<Header> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        Map<List<LocalDate>, Optional<PeriodRef>> periods = new HashMap<>();
        Map<Long, List<Participant>> participants = participants(plans.stream().map(Header::id).toList());
        Map<Scoring, List<Long>> scorings = new LinkedHashMap<>();
        for (Header plan : plans) {
            LocalDate asOf = today.isAfter(plan.deadline()) ? plan.deadline() : today;
            periods.computeIfAbsent(span(plan), this::period).ifPresent(found -> scorings
                    .computeIfAbsent(new Scoring(found.id(), asOf), key -> new ArrayList<>()).add(plan.id()));
        }
        Map<Long, Map<Long, List<Point>>> history = new HashMap<>();
        scorings.forEach((scoring, planIds) -> history.putAll(history(planIds, scoring.periodId(), scoring.asOf())));
        // Points are kept for today only (the history keeps percentages): read for the plans still running.
        Map<Long, Map<Long, Score>> scores = new HashMap<>();
        scorings.forEach((scoring, planIds) -> {
            if (scoring.asOf().equals(today)) {
                scores.putAll(scores(planIds, scoring.periodId()));
            }
        });
        return plans.stream().map(plan -> track(plan, today, periods.get(span(plan)),
                history.getOrDefault(plan.id(), Map.of()), participants.getOrDefault(plan.id(), List.of()),
                scores.getOrDefault(plan.id(), Map.of()))).toList();
    }

    private PlanTracker track(Header plan, LocalDate today, Optional<PeriodRef> period, Map<Long, List<Point>> history,
            List<Participant> participants, Map<Long, Score> scores) {
        BigDecimal maximum = period.map(PeriodRef::maxScore).orElse(null);
        boolean passed = today.isAfter(plan.deadline());
        boolean started = !today.isBefore(plan.startDate());
        LocalDate asOf = passed ? plan.deadline() : today;
        List<PlanCommune> communes = new ArrayList<>();
        Map<String, BigDecimal> unrounded = new HashMap<>();
        int atTarget = 0;
        int projectedAtTarget = 0;
        for (Participant participant : participants) {
            List<Point> points = history.getOrDefault(participant.unitId(), List.of());
            BigDecimal verified = points.isEmpty() ? BigDecimal.ZERO : points.get(points.size() - 1).verified();
            BigDecimal projected = passed || !started || period.isEmpty() ? null
                    : Forecast.project(period.get().startDate(), points, today, plan.deadline());
            boolean reached = Completion.reaches(verified, plan.targetPercent());
            boolean projectedReached = projected == null ? reached
                    : Completion.reaches(projected, plan.targetPercent());
            atTarget += reached ? 1 : 0;
            projectedAtTarget += projectedReached ? 1 : 0;
            Score score = passed || period.isEmpty() ? null
                    : scores.getOrDefault(participant.unitId(), new Score(BigDecimal.ZERO.setScale(2), maximum));
            communes.add(new PlanCommune(participant.code(), participant.name(), participant.pilot(),
                    Completion.shown(verified), Completion.shown(projected), reached, projectedReached, score == null ? null : score.verified(),
                    score == null ? null : score.maximum(), !points.isEmpty()));
            unrounded.put(participant.code(), verified);
        }
        // In the ranking's order: begun first, by points where the version counts them, then by the unrounded
        // percent (by the one shown, 336,71 points came before 337,00), then by name.
        boolean byPoints = period.map(PeriodRef::scoreSettings).orElse(ScoreSettings.PERCENT).points();
        Comparator<PlanCommune> points = Comparator.comparing(commune -> byPoints && commune.score() != null
                ? commune.score() : BigDecimal.ZERO);
        communes.sort(Comparator.comparing(PlanCommune::started).reversed()
                .thenComparing(points.reversed())
                .thenComparing(Comparator.comparing((PlanCommune commune) -> unrounded.get(commune.code())).reversed())
                .thenComparing(UnitNames.comparing(PlanCommune::name)));
        return new PlanTracker(plan.id(), plan.name(), plan.scopeCode(), plan.scopeName(), plan.targetPercent(),
                plan.targetCommunes(), plan.startDate(), plan.deadline(),
                Math.max(0, ChronoUnit.DAYS.between(today, plan.deadline())), passed, asOf,
                period.map(PeriodRef::id).orElse(null), period.map(PeriodRef::name).orElse(null), atTarget,
                projectedAtTarget, status(plan.targetCommunes(), atTarget, projectedAtTarget, started, passed),
                communes, period.map(PeriodRef::scoreSettings).orElse(ScoreSettings.PERCENT), maximum);
    }

    /**
     * See {@link PlanStatus}: a quarter of the target number, at least one commune, separates at risk from off track.
     * A plan that has not started is not judged: a plan for next year is not off track the day it is made.
     */
    static PlanStatus status(int targetCommunes, int atTarget, int projectedAtTarget, boolean started,
            boolean deadlinePassed) {
        if (!started) {
            return PlanStatus.NOT_STARTED;
        }
        if (atTarget >= targetCommunes) {
            return PlanStatus.ACHIEVED;
        }
        if (deadlinePassed) {
            return PlanStatus.MISSED;
        }
        if (projectedAtTarget >= targetCommunes) {
            return PlanStatus.ON_TRACK;
        }
        int margin = Math.max(1, (targetCommunes + 3) / 4);
        return targetCommunes - projectedAtTarget <= margin ? PlanStatus.AT_RISK : PlanStatus.OFF_TRACK;
    }

    /** A plan's start and deadline, which decide its period: plans of the same dates share the lookup. */
    private static List<LocalDate> span(Header plan) {
        return List.of(plan.startDate(), plan.deadline());
    }

    /**
     * The period the plan of that span is judged on ({@link ProgressLedger#scoringPeriodOf}), with its scoring
     * settings.
     */
    private Optional<PeriodRef> period(List<LocalDate> span) {
        return ledger.scoringPeriodOf(span.get(0), span.get(1)).flatMap(id -> jdbc.sql("""
                select p.id, p.name, p.start_date, f.score_display, f.score_decimals, f.declared_total,
                    (select coalesce(sum(cr.weight), 0) from criterion cr join criterion_group g on g.id = cr.group_id
                     where g.framework_id = f.id) as maximum
                from period p join framework f on f.id = p.framework_id where p.id = :id""")
                .param("id", id)
                .query((rs, row) -> new PeriodRef(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("start_date", LocalDate.class),
                        new ScoreSettings(ScoreDisplay.valueOf(rs.getString("score_display")),
                                rs.getInt("score_decimals"), rs.getBigDecimal("declared_total")),
                        rs.getBigDecimal("maximum")))
                .optional());
    }

    /** Each plan's participants. */
    private Map<Long, List<Participant>> participants(List<Long> planIds) {
        Map<Long, List<Participant>> participants = new HashMap<>();
        jdbc.sql("""
                select pc.plan_id, pc.unit_id, pc.pilot, u.code, u.name from plan_commune pc
                join administrative_unit u on u.id = pc.unit_id where pc.plan_id in (:plans)
                order by pc.plan_id, u.code""")
                .param("plans", planIds)
                .query((rs, row) -> participants.computeIfAbsent(rs.getLong("plan_id"), key -> new ArrayList<>())
                        .add(new Participant(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                                rs.getBoolean("pilot"))))
                .list();
        return participants;
    }

    /** Per plan, each participant's verified points today and the maximum they are of (its applicable criteria's). */
    private Map<Long, Map<Long, Score>> scores(List<Long> planIds, long periodId) {
        Map<Long, Map<Long, Score>> scores = new HashMap<>();
        jdbc.sql("""
                select pc.plan_id, p.unit_id, p.verified_weight, p.applicable_weight from assessment_progress p
                join plan_commune pc on pc.unit_id = p.unit_id and pc.plan_id in (:plans)
                where p.period_id = :period""")
                .param("period", periodId).param("plans", planIds)
                .query((rs, row) -> scores.computeIfAbsent(rs.getLong("plan_id"), key -> new HashMap<>())
                        .put(rs.getLong("unit_id"), new Score(rs.getBigDecimal("verified_weight"),
                                rs.getBigDecimal("applicable_weight"))))
                .list();
        return scores;
    }

    private record Score(BigDecimal verified, BigDecimal maximum) {
    }

    /** Per plan, each participant's verified completion at the end of every day it changed, up to {@code asOf}. */
    private Map<Long, Map<Long, List<Point>>> history(List<Long> planIds, long periodId, LocalDate asOf) {
        Map<Long, Map<Long, List<Point>>> history = new HashMap<>();
        jdbc.sql("""
                select pc.plan_id, a.unit_id, h.day, coalesce(h.verified_percent, 0) as verified
                from assessment_progress_history h
                join assessment a on a.id = h.assessment_id and a.period_id = :period
                join plan_commune pc on pc.unit_id = a.unit_id and pc.plan_id in (:plans)
                where h.day <= :asOf order by pc.plan_id, a.unit_id, h.day""")
                .param("period", periodId).param("plans", planIds).param("asOf", asOf)
                .query((rs, row) -> history.computeIfAbsent(rs.getLong("plan_id"), key -> new HashMap<>())
                        .computeIfAbsent(rs.getLong("unit_id"), key -> new ArrayList<>())
                        .add(new Point(rs.getObject("day", LocalDate.class), rs.getBigDecimal("verified"))))
                .list();
        return history;
    }

    private record Header(long id, String name, int targetPercent, int targetCommunes, LocalDate startDate,
            LocalDate deadline, long scopeUnitId, String scopeCode, String scopeName) {
    }

    private record PeriodRef(long id, String name, LocalDate startDate, ScoreSettings scoreSettings,
            BigDecimal maxScore) {
    }

    /** The period a plan is scored on and the day its figures are read for. */
    private record Scoring(long periodId, LocalDate asOf) {
    }

    private record Participant(long unitId, String code, String name, boolean pilot) {
    }
}
