package org.communedx.service.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.progress.ProgressViews.Bucket;
import org.communedx.service.progress.ProgressViews.ChildFigure;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.GroupAverage;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.ProgressViews.Trend;
import org.communedx.service.progress.ProgressViews.TrendPoint;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rollups of a district, a province or the whole country for one period, read from the summary rows that
 * {@code ProgressLedger} keeps with every workflow move: one row per commune, so a national rollup reads about
 * 10,000 rows, and every figure is as fresh as the last approval.
 * <p>
 * A rollup's communes are the commune-level units under it that are valid on the period's first day; a commune
 * with no assessment yet counts with 0% in the averages, and is ranked as {@link Standings} ranks it: last, unranked.
 * Averages and the median are rounded like every percentage ({@link Completion#percent}).
 */
@Service
@Transactional(readOnly = true)
public class Rollups {

    /** The default threshold of "at or above": the 30% of the Lạc Sơn plan, until a page asks for another. */
    public static final int DEFAULT_THRESHOLD = 30;

    /**
     * A threshold as an address asks for it, kept within 0–100%: a dashboard and the report and files it links to
     * read it alike, so that they count the same communes at or above it.
     */
    public static int threshold(int asked) {
        return Math.max(0, Math.min(100, asked));
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);

    /** The communes of a rollup: {@code %s} is the condition on the commune's parent and grandparent. */
    private static final String COMMUNES = """
            with communes as (
                select u.id, u.code, u.name, parent.code as parent_code, parent.name as parent_name,
                    parent.level as parent_level, grand.code as grand_code, grand.name as grand_name
                from administrative_unit u
                join administrative_unit parent on parent.id = u.parent_id
                left join administrative_unit grand on grand.id = parent.parent_id
                where u.level = 'COMMUNE' and (u.valid_from is null or u.valid_from <= :day)
                    and (u.valid_to is null or u.valid_to >= :day) and %s)
            """;

    /**
     * The unit's communes; for a commune, the commune itself (its trend). The candidates are the unit, its children
     * and its grandchildren, found through the parent index, so that a province's rollup reads its few hundred
     * communes instead of joining every unit of the country and filtering afterwards (about 10 ms less a query).
     */
    private static final String UNDER_UNIT = """
            u.id in (select x.id from administrative_unit x where x.id = :unit or x.parent_id = :unit
                union all
                select c.id from administrative_unit d join administrative_unit c on c.parent_id = d.id
                where d.parent_id = :unit)""";

    /**
     * For a unit formed after the period began (the 2025 merger): the communes valid then that its communes were
     * formed from, by their successions, full or partial.
     */
    private static final String PREDECESSORS_OF_UNIT = """
            u.id in (select s.predecessor_id from unit_succession s where s.successor_id in (
                select x.id from administrative_unit x where x.id = :unit or x.parent_id = :unit
                union all
                select c.id from administrative_unit d join administrative_unit c on c.parent_id = d.id
                where d.parent_id = :unit))""";

    private static final String WHOLE_COUNTRY = "true";

    private final JdbcClient jdbc;

    private final PeriodRepository periods;

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final Clock clock;

    Rollups(JdbcClient jdbc, PeriodRepository periods, AdministrativeUnitRepository units, Scopes scopes,
            Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.units = units;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** How much a rollup holds beyond its totals. */
    public enum Detail {
        /** Totals, distribution, group averages, ranking and children. */
        TOTALS,
        /** As well, every commune's verified completion per group (the heatmap). */
        COMMUNES_BY_GROUP
    }

    public Rollup rollup(String unitCode, long periodId) {
        return rollup(unitCode, periodId, DEFAULT_THRESHOLD, Detail.TOTALS);
    }

    /** A district's or province's rollup; outside the caller's scope the unit does not exist. */
    public Rollup rollup(String unitCode, long periodId, int threshold, Detail detail) {
        Period period = period(periodId);
        Area area = area(unitCode, period);
        if (area.level() == UnitLevel.COMMUNE) {
            throw new ProgressNotFoundException("rollup of commune " + unitCode);
        }
        return build(area, period, threshold, detail);
    }

    /**
     * The communes a unit's rollup of the period counts, by id: for a unit formed after the period began, the
     * communes it was formed from. Outside the caller's scope the unit does not exist.
     */
    public CommunesOf communesOf(String unitCode, long periodId) {
        Period period = period(periodId);
        Area area = area(unitCode, period);
        var query = jdbc.sql(COMMUNES.formatted(area.condition()) + "select id from communes order by id")
                .param("day", period.getStartDate()).param("unit", area.unitId());
        return new CommunesOf(area.unitId(), area.code(), area.name(), query.query(Long.class).list());
    }

    /** @param unitId the unit the code stands for, as {@link #communesOf} read it */
    public record CommunesOf(long unitId, String code, String name, List<Long> communeIds) {
    }

    /** The whole country, for those whose scope is everything (administrators). */
    public Rollup national(long periodId, int threshold) {
        if (!scopes.current().everything()) {
            throw new ProgressNotFoundException("country");
        }
        return build(Area.COUNTRY, period(periodId), threshold, Detail.TOTALS);
    }

    /**
     * The month-end average verified completion of the unit's communes (the whole country for a null code; the
     * commune's own figure for a commune), from the period's first month to the current one or the period's last.
     * The point of the period's last day is the figure of that day; when reviews moved it after the period ended, a
     * point of today follows with the figure every page shows now.
     */
    public List<TrendPoint> trend(String unitCode, long periodId) {
        return trendOf(unitCode, periodId).points();
    }

    /** The trend, and when the unit was formed if that was after the period began (see {@link Trend}). */
    public Trend trendOf(String unitCode, long periodId) {
        Period period = period(periodId);
        Area area = Area.COUNTRY;
        if (unitCode != null) {
            area = area(unitCode, period);
        }
        else if (!scopes.current().everything()) {
            throw new ProgressNotFoundException("country");
        }
        var query = jdbc.sql(COMMUNES.formatted(area.condition()) + """
                select (select count(*) from communes) as communes,
                    case when h.day <= :end then date_trunc('month', h.day)::date end as month,
                    sum(h.verified_change) as change
                from assessment_progress_history h
                join assessment a on a.id = h.assessment_id and a.period_id = :period
                join communes c on c.id = a.unit_id
                group by month order by month""").param("day", period.getStartDate()).param("period", periodId)
                .param("end", period.getEndDate());
        if (area.unitId() != null) {
            query = query.param("unit", area.unitId());
        }
        java.util.TreeMap<YearMonth, BigDecimal> changes = new java.util.TreeMap<>();
        BigDecimal[] afterEnd = { BigDecimal.ZERO };
        long[] communes = { 0 };
        query.query((rs, row) -> {
            communes[0] = rs.getLong("communes");
            LocalDate month = rs.getObject("month", LocalDate.class);
            if (month == null) {
                afterEnd[0] = rs.getBigDecimal("change");
            }
            else {
                changes.put(YearMonth.from(month), rs.getBigDecimal("change"));
            }
            return null;
        }).list();
        BigDecimal whole = BigDecimal.valueOf(communes[0] * 100L);
        LocalDate today = today();
        LocalDate last = period.getEndDate().isBefore(today) ? period.getEndDate() : today;
        List<TrendPoint> points = new ArrayList<>();
        YearMonth first = YearMonth.from(period.getStartDate());
        // A running sum, month by month, from whatever the history holds before the first month.
        BigDecimal total = changes.headMap(first).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (YearMonth month = first; !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            total = total.add(changes.getOrDefault(month, BigDecimal.ZERO));
            points.add(new TrendPoint(month.equals(YearMonth.from(last)) ? last : month.atEndOfMonth(),
                    communes[0] == 0 ? ZERO : Completion.percent(total, whole)));
        }
        // Dated the period's last day, a figure that approvals months later had moved contradicted the plan tracker,
        // which reads that day from the same history; today's point carries them instead.
        if (afterEnd[0].signum() != 0 && communes[0] > 0) {
            points.add(new TrendPoint(today, Completion.percent(total.add(afterEnd[0]), whole)));
        }
        return new Trend(points, area.formedOn(), area.formedOn() == null ? null : area.name(), communes[0]);
    }

    private Rollup build(Area area, Period period, int threshold, Detail detail) {
        String where = area.condition();
        Long unitId = area.unitId();
        var communeQuery = jdbc.sql(COMMUNES.formatted(where) + """
                select c.*, coalesce(p.verified_percent, 0) as verified, coalesce(p.claimed_percent, 0) as claimed,
                    coalesce(p.verified_weight, 0) as score, coalesce(p.claimed_weight, 0) as claimed_score,
                    p.applicable_weight as max_score, p.assessment_id
                from communes c left join assessment_progress p on p.unit_id = c.id and p.period_id = :period
                order by verified desc, claimed desc, c.name, c.code""")
                .param("day", period.getStartDate()).param("period", period.getId());
        if (unitId != null) {
            communeQuery = communeQuery.param("unit", unitId);
        }
        ScoreSettings settings = period.getFramework().scoreSettings();
        List<Row> rows = communeQuery.query((rs, row) -> row(rs, settings)).list();
        Map<String, Map<String, BigDecimal>> byGroup = detail == Detail.COMMUNES_BY_GROUP
                ? groupsPerCommune(where, unitId, period) : Map.of();
        List<GroupAverage> groups = groupAverages(where, unitId, period, rows.size());

        BigDecimal maximum = period.getFramework().maximumPoints();
        List<CommuneFigure> ranking = Standings.rank(rows, (row, rank) -> new CommuneFigure(rank, row.code(),
                row.name(), row.parentCode(), row.parentName(), Completion.shown(row.verified()),
                Completion.shown(row.claimed()),
                byGroup.getOrDefault(row.code(), Map.of()), row.score(),
                // A commune that has written nothing yet has every criterion applicable.
                row.maxScore() == null ? maximum : row.maxScore(), row.claimedScore(),
                Completion.reaches(row.verified(), threshold)));
        BigDecimal verifiedSum = BigDecimal.ZERO;
        BigDecimal claimedSum = BigDecimal.ZERO;
        BigDecimal scoreSum = BigDecimal.ZERO;
        BigDecimal claimedScoreSum = BigDecimal.ZERO;
        int[] buckets = new int[10];
        int atOrAbove = 0;
        for (Row row : rows) {
            verifiedSum = verifiedSum.add(row.verified());
            claimedSum = claimedSum.add(row.claimed());
            scoreSum = scoreSum.add(row.score());
            claimedScoreSum = claimedScoreSum.add(row.claimedScore());
            buckets[Math.min(9, row.verified().intValue() / 10)]++;
            if (Completion.reaches(row.verified(), threshold)) {
                atOrAbove++;
            }
        }
        List<Bucket> distribution = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            distribution.add(new Bucket(b * 10, b * 10 + 10, buckets[b]));
        }
        return new Rollup(area.code(), area.name(), area.level(), area.formedOn(), period.getId(), period.getName(),
                rows.size(),
                average(verifiedSum, rows.size()), median(rows), average(claimedSum, rows.size()), threshold,
                atOrAbove, distribution, groups, ranking, children(area.level(), rows, threshold, settings),
                settings, maximum, averagePoints(scoreSum, rows.size(), settings), medianPoints(rows, settings),
                averagePoints(claimedScoreSum, rows.size(), settings));
    }

    /** Districts of a province, or provinces of the country: where a level lies between the rollup and its communes. */
    private static List<ChildFigure> children(UnitLevel level, List<Row> rows, int threshold,
            ScoreSettings settings) {
        Map<String, List<Row>> grouped = new LinkedHashMap<>();
        Map<String, String[]> names = new HashMap<>();
        for (Row row : rows) {
            String[] child = level == null ? row.province() : level == UnitLevel.PROVINCE && row.parentIsDistrict()
                    ? new String[] { row.parentCode(), row.parentName(), UnitLevel.DISTRICT.name() } : null;
            if (child != null) {
                grouped.computeIfAbsent(child[0], key -> new ArrayList<>()).add(row);
                names.put(child[0], child);
            }
        }
        List<ChildFigure> children = new ArrayList<>();
        grouped.forEach((childCode, childRows) -> {
            BigDecimal sum = childRows.stream().map(Row::verified).reduce(BigDecimal.ZERO, BigDecimal::add);
            long above = childRows.stream().filter(row -> Completion.reaches(row.verified(), threshold)).count();
            String[] child = names.get(childCode);
            BigDecimal scores = childRows.stream().map(Row::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            children.add(new ChildFigure(childCode, child[1], UnitLevel.valueOf(child[2]), childRows.size(),
                    average(sum, childRows.size()), (int) above, averagePoints(scores, childRows.size(), settings)));
        });
        children.sort(Comparator.comparing(ChildFigure::averageVerified).reversed().thenComparing(ChildFigure::code));
        return children;
    }

    private List<GroupAverage> groupAverages(String where, Long unitId, Period period, int communeCount) {
        var query = jdbc.sql(COMMUNES.formatted(where) + """
                select g.code, g.name_vi, g.name_en, coalesce(sum(gp.verified_percent), 0) as total,
                    coalesce(sum(gp.verified_weight), 0) as points,
                    count(gp.assessment_id) filter (where gp.verified_percent is null) as not_applicable,
                    (select coalesce(sum(cr.weight), 0) from criterion cr where cr.group_id = g.id) as maximum
                from criterion_group g
                left join (assessment_group_progress gp
                    join assessment_progress p on p.assessment_id = gp.assessment_id and p.period_id = :period
                    join communes c on c.id = p.unit_id) on gp.group_code = g.code
                where g.framework_id = :framework
                group by g.id, g.code, g.name_vi, g.name_en, g.position order by g.position""")
                .param("day", period.getStartDate()).param("period", period.getId())
                .param("framework", period.getFramework().getId());
        if (unitId != null) {
            query = query.param("unit", unitId);
        }
        // Over the communes the group applies to: one whose every criterion of it is not applicable has no figure
        // for it (the heatmap's "—"), not 0%. One that has not begun counts as 0, as in every average.
        return query.query((rs, row) -> {
            int applying = communeCount - rs.getInt("not_applicable");
            return new GroupAverage(rs.getString("code"),
                    new LocalizedText(rs.getString("name_vi"), rs.getString("name_en")),
                    average(rs.getBigDecimal("total"), applying), averagePoints(rs.getBigDecimal("points"), applying,
                            period.getFramework().scoreSettings()),
                    rs.getBigDecimal("maximum"));
        }).list();
    }

    /**
     * Each commune's verified completion per group; null for a group none of whose criteria apply to the commune,
     * which has no completion to show (the scorecard's "—"), not 0%.
     */
    private Map<String, Map<String, BigDecimal>> groupsPerCommune(String where, Long unitId, Period period) {
        var query = jdbc.sql(COMMUNES.formatted(where) + """
                select c.code, gp.group_code, gp.verified_percent as verified
                from communes c join assessment_progress p on p.unit_id = c.id and p.period_id = :period
                join assessment_group_progress gp on gp.assessment_id = p.assessment_id""")
                .param("day", period.getStartDate()).param("period", period.getId());
        if (unitId != null) {
            query = query.param("unit", unitId);
        }
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        query.query((rs, row) -> figures.computeIfAbsent(rs.getString("code"), key -> new LinkedHashMap<>())
                .put(rs.getString("group_code"), Completion.shown(rs.getBigDecimal("verified")))).list();
        return figures;
    }

    /**
     * The unit whose figures the code shows for the period, as the rollup reads them (below): what a report is issued
     * under. Outside the caller's scope the unit does not exist.
     */
    public AdministrativeUnit unitShown(String unitCode, Period period) {
        return area(unitCode, period).unit();
    }

    private Period period(long periodId) {
        return periods.findWithFramework(periodId).orElseThrow(() -> new ProgressNotFoundException("period " + periodId));
    }

    /**
     * What a code stands for in a period, within the caller's scope; outside it the unit does not exist. A code names
     * one unit at a time, and the 2025 reform reused codes: the unit that holds the code today is meant, and if it
     * was formed after the period began, its figures for the period are those of the communes it was formed from.
     * Otherwise, and for a caller who does not reach today's unit (the old district's official, whose commune's code
     * the new Xã Yên Phú took), the code means the unit that held it during the period, checked as that very unit
     * ({@link Scopes#reachableDuring}), so that the code alone never reaches across a merger.
     */
    private Area area(String code, Period period) {
        return reachableArea(code, period).orElseThrow(() -> new OutOfScopeException(code));
    }

    /**
     * Of the periods, those for which the unit's figures can be shown to the caller, in their order: what a
     * dashboard's period choice offers. Today's holder of the code is looked up once for all of them.
     */
    public List<Period> reachablePeriods(String code, List<Period> periods) {
        UnitScope scope = scopes.current();
        if (!scope.includes(code)) {
            return List.of();
        }
        Optional<AdministrativeUnit> holder = units.findByCodeValidOn(code, today());
        return periods.stream().filter(period -> reachableArea(scope, code, period, holder).isPresent()).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
    }

    /** {@link #area}, empty where it would answer 404. */
    private Optional<Area> reachableArea(String code, Period period) {
        UnitScope scope = scopes.current();
        if (!scope.includes(code)) {
            return Optional.empty();
        }
        return reachableArea(scope, code, period, units.findByCodeValidOn(code, today()));
    }

    /** @param holder the unit that holds the code today, if any */
    private Optional<Area> reachableArea(UnitScope scope, String code, Period period,
            Optional<AdministrativeUnit> holder) {
        Optional<AdministrativeUnit> formedSince = holder
                .filter(unit -> unit.getValidFrom() != null && unit.getValidFrom().isAfter(period.getStartDate()))
                .filter(scope::includes);
        if (formedSince.isPresent()) {
            return Optional.of(new Area(formedSince.get(), PREDECESSORS_OF_UNIT, formedSince.get().getValidFrom()));
        }
        return scopes.reachableDuring(code, period).map(unit -> new Area(unit, UNDER_UNIT, null));
    }

    /**
     * The communes a rollup or trend reads: {@code condition} selects them in {@link #COMMUNES}.
     * @param formedOn when the unit was formed, where the period began before it and its predecessors stand in
     */
    private record Area(AdministrativeUnit unit, String condition, LocalDate formedOn) {

        static final Area COUNTRY = new Area(null, WHOLE_COUNTRY, null);

        Long unitId() {
            return unit == null ? null : unit.getId();
        }

        String code() {
            return unit == null ? null : unit.getCode();
        }

        String name() {
            return unit == null ? null : unit.getName();
        }

        UnitLevel level() {
            return unit == null ? null : unit.getLevel();
        }
    }

    private static BigDecimal average(BigDecimal sum, int count) {
        return count == 0 ? ZERO : Completion.percent(sum, BigDecimal.valueOf(count * 100L));
    }

    /**
     * Points averaged and rounded once, as the version shows points. Kept at two decimals first, then shown at one,
     * 112.19 points over 12 communes (9.3492) read 9.35 and then 9,4.
     */
    static BigDecimal averagePoints(BigDecimal sum, int count, ScoreSettings settings) {
        return settings.round(count == 0 ? BigDecimal.ZERO
                : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64));
    }

    /** The middle verified points, or the mean of the two middle ones, rounded once as the version shows points. */
    private static BigDecimal medianPoints(List<Row> rows, ScoreSettings settings) {
        if (rows.isEmpty()) {
            return settings.round(BigDecimal.ZERO);
        }
        List<BigDecimal> scores = rows.stream().map(Row::score).sorted().toList();
        int middle = scores.size() / 2;
        return settings.round(scores.size() % 2 == 1 ? scores.get(middle)
                : scores.get(middle - 1).add(scores.get(middle)).divide(BigDecimal.valueOf(2)));
    }

    /**
     * The middle figure, or the mean of the two middle ones, rounded once; rows come sorted by verified completion.
     */
    private static BigDecimal median(List<Row> rows) {
        if (rows.isEmpty()) {
            return ZERO;
        }
        int middle = rows.size() / 2;
        if (rows.size() % 2 == 1) {
            return Completion.shown(rows.get(middle).verified());
        }
        return rows.get(middle - 1).verified().add(rows.get(middle).verified()).divide(BigDecimal.valueOf(2), 1,
                RoundingMode.HALF_UP);
    }

    private static Row row(ResultSet rs, ScoreSettings settings) throws SQLException {
        boolean begun = rs.getObject("assessment_id") != null;
        BigDecimal verified = rs.getBigDecimal("verified");
        BigDecimal score = rs.getBigDecimal("score");
        return new Row(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                rs.getString("parent_name"), "DISTRICT".equals(rs.getString("parent_level")),
                rs.getString("grand_code"), rs.getString("grand_name"), verified, rs.getBigDecimal("claimed"), score,
                rs.getBigDecimal("claimed_score"), rs.getBigDecimal("max_score"),
                begun ? Standings.score(settings, score, verified) : null);
    }

    /**
     * A commune's figures, a commune without an assessment with 0 (as the averages count it).
     * @param standing what the commune is ranked by ({@link Standings}), null without an assessment
     */
    private record Row(String code, String name, String parentCode, String parentName, boolean parentIsDistrict,
            String grandCode, String grandName, BigDecimal verified, BigDecimal claimed, BigDecimal score,
            BigDecimal claimedScore, BigDecimal maxScore, BigDecimal standing) implements Standings.Contender {

        /** The commune's province: its grandparent under a district, else its parent. */
        String[] province() {
            return parentIsDistrict ? new String[] { grandCode, grandName, UnitLevel.PROVINCE.name() }
                    : new String[] { parentCode, parentName, UnitLevel.PROVINCE.name() };
        }
    }
}
