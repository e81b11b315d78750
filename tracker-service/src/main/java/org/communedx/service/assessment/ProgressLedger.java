package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the completion summary rows ({@code assessment_progress}, per group, and the daily history) in step with the
 * entries, inside the transaction that changes them: a dashboard read right after an approval already sees it. The
 * figures themselves are kept nowhere else; the web module keeps rendered pages only until the next committed write
 * (its {@code RenderedPages}, by {@code DataRevision}).
 * <p>
 * The sums follow {@link Completion}'s rules exactly (applicable maxima, verified and claimed points; percentages kept
 * with {@link Completion#KEPT_SCALE} decimals, half up: PostgreSQL's {@code round} rounds halves away from zero, which
 * for these non-negative figures is half up). {@code ProgressTests} holds the two to the same results.
 */
@Service
@Transactional(readOnly = true)
public class ProgressLedger {

    /** Days of the history are Vietnamese calendar days, whatever the server's time zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * The maxima of the applicable criteria and the points verified and claimed: the points each entry keeps
     * ({@code criterion_entry.points}, set by the criterion's scoring rule), never a second copy of the rule.
     */
    private static final String WEIGHTS = """
            coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
            coalesce(sum(e.points) filter (where e.status = 'APPROVED'), 0) as verified,
            coalesce(sum(e.points) filter (where e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
            """;

    /** Kept percentages ({@link Completion#keptPercent}): rounded when shown, never before. */
    private static final String PERCENTS = """
            case when w.applicable > 0 then round(w.verified * 100 / w.applicable, 10) end,
            case when w.applicable > 0 then round(w.claimed * 100 / w.applicable, 10) end
            """;

    /** The summary of the assessments that {@code %s} selects (a condition on {@code a}). */
    private static final String UPSERT_PROGRESS = """
            insert into assessment_progress (assessment_id, unit_id, period_id, applicable_weight, verified_weight,
                claimed_weight, verified_percent, claimed_percent, updated_at)
            select a.id, a.unit_id, a.period_id, w.applicable, w.verified, w.claimed, %2$s, :now
            from assessment a cross join lateral (select %1$s
                from criterion_entry e join criterion c on c.id = e.criterion_id where e.assessment_id = a.id) w
            where %3$s
            on conflict (assessment_id) do update set applicable_weight = excluded.applicable_weight,
                verified_weight = excluded.verified_weight, claimed_weight = excluded.claimed_weight,
                verified_percent = excluded.verified_percent, claimed_percent = excluded.claimed_percent,
                updated_at = excluded.updated_at
            """;

    private static final String UPSERT_GROUPS = """
            insert into assessment_group_progress (assessment_id, group_code, applicable_weight, verified_weight,
                claimed_weight, verified_percent, claimed_percent)
            select w.assessment_id, w.group_code, w.applicable, w.verified, w.claimed, %2$s
            from (select e.assessment_id, g.code as group_code, %1$s
                  from criterion_entry e join criterion c on c.id = e.criterion_id
                  join criterion_group g on g.id = c.group_id
                  join assessment a on a.id = e.assessment_id
                  where %3$s
                  group by e.assessment_id, g.code) w
            on conflict (assessment_id, group_code) do update set applicable_weight = excluded.applicable_weight,
                verified_weight = excluded.verified_weight, claimed_weight = excluded.claimed_weight,
                verified_percent = excluded.verified_percent, claimed_percent = excluded.claimed_percent
            """;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    ProgressLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Brings one assessment's summary up to date after a change at {@code at}, and adds the change of its
     * percentages to that day's history row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long assessmentId, Instant at) {
        // Moves on two entries of one assessment may commit at the same moment. Each sums the entries as its own
        // statement sees them, so without this lock the later one would sum without the earlier one's change and
        // overwrite it. Holding the assessment until commit makes the second wait, then sum both.
        jdbc.sql("select id from assessment where id = :id for update").param("id", assessmentId).query(Long.class)
                .single();
        Figures before = figures(assessmentId);
        jdbc.sql(UPSERT_PROGRESS.formatted(WEIGHTS, PERCENTS, "a.id = :id")).param("id", assessmentId)
                .param("now", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        jdbc.sql(UPSERT_GROUPS.formatted(WEIGHTS, PERCENTS, "a.id = :id")).param("id", assessmentId).update();
        Figures after = figures(assessmentId);
        BigDecimal verifiedChange = after.verified().subtract(before.verified());
        BigDecimal claimedChange = after.claimed().subtract(before.claimed());
        if (verifiedChange.signum() == 0 && claimedChange.signum() == 0) {
            return;
        }
        jdbc.sql("""
                insert into assessment_progress_history (assessment_id, day, verified_percent, claimed_percent,
                    verified_change, claimed_change)
                select assessment_id, :day, verified_percent, claimed_percent, :verifiedChange, :claimedChange
                from assessment_progress where assessment_id = :id
                on conflict (assessment_id, day) do update set verified_percent = excluded.verified_percent,
                    claimed_percent = excluded.claimed_percent,
                    verified_change = assessment_progress_history.verified_change + excluded.verified_change,
                    claimed_change = assessment_progress_history.claimed_change + excluded.claimed_change
                """).param("id", assessmentId).param("day", at.atZone(VIETNAM).toLocalDate())
                .param("verifiedChange", verifiedChange).param("claimedChange", claimedChange).update();
    }

    /**
     * Recomputes the summary of every assessment of a period in a few statements, for bulk loads that write entries
     * with SQL (benchmarks, imports); the history is theirs to write.
     * @return how many assessments were summed
     */
    @Transactional
    public int rebuildPeriod(long periodId, LocalDate asOf) {
        OffsetDateTime now = asOf.atStartOfDay(VIETNAM).toOffsetDateTime();
        int assessments = jdbc.sql(UPSERT_PROGRESS.formatted(WEIGHTS, PERCENTS, "a.period_id = :period"))
                .param("period", periodId).param("now", now).update();
        jdbc.sql(UPSERT_GROUPS.formatted(WEIGHTS, PERCENTS, "a.period_id = :period")).param("period", periodId)
                .update();
        return assessments;
    }

    /**
     * Writes history rows that a bulk load computed itself (with {@link Completion}, as {@link #record} would have
     * summed them day by day), in one batch; the load then sums the summaries with {@link #rebuildPeriod}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeHistory(List<HistoryDay> days) {
        jdbcTemplate.batchUpdate("""
                insert into assessment_progress_history (assessment_id, day, verified_percent, claimed_percent,
                    verified_change, claimed_change)
                values (?, ?, ?, ?, ?, ?)""", days, 1000, (statement, day) -> {
            statement.setLong(1, day.assessmentId());
            statement.setObject(2, day.day());
            statement.setBigDecimal(3, day.verifiedPercent());
            statement.setBigDecimal(4, day.claimedPercent());
            statement.setBigDecimal(5, day.verifiedChange());
            statement.setBigDecimal(6, day.claimedChange());
        });
    }

    /**
     * The period a plan running from {@code start} to {@code deadline} is judged on: the one whose dates hold the
     * deadline, else the latest begun before it, of those that reach into the plan's own dates; of several that hold
     * the deadline, the one covering most of the plan's days. A period added later over part of a year (a second
     * round from July) then does not take the year's plan from the year's period, nor count its communes from
     * nothing. Of periods alike in all that, the one made first: a period added over the same dates (a province's
     * own index for the year) does not take a running plan from the period that holds its figures. A plan for 2027
     * has none until 2027's period is made, rather than 2026's figures. The plan tracker and a commune's scorecard
     * both ask here, so that they judge a plan alike.
     */
    public Optional<Long> scoringPeriodOf(LocalDate start, LocalDate deadline) {
        return jdbc.sql("""
                select id from period where start_date <= :deadline and end_date >= :start
                order by (end_date >= :deadline) desc,
                    least(end_date, :deadline) - greatest(start_date, :start) desc, start_date desc, id
                limit 1""")
                .param("start", start).param("deadline", deadline).query(Long.class).optional();
    }

    /** The first and the last of some days. */
    public record DayRange(LocalDate first, LocalDate last) {
    }

    /**
     * The days of a period's history within {@code from}..{@code to} (its dates) that fall outside {@code start}..
     * {@code end} (dates it would be given): the first and the last, or empty when there are none.
     */
    public Optional<DayRange> recordedOutside(long periodId, LocalDate from, LocalDate to, LocalDate start,
            LocalDate end) {
        return jdbc.sql("""
                select min(h.day) as first, max(h.day) as last from assessment_progress_history h
                join assessment a on a.id = h.assessment_id
                where a.period_id = :period and h.day between :from and :to and (h.day < :start or h.day > :end)
                having count(*) > 0""")
                .param("period", periodId).param("from", from).param("to", to).param("start", start)
                .param("end", end)
                .query((rs, row) -> new DayRange(rs.getObject("first", LocalDate.class),
                        rs.getObject("last", LocalDate.class)))
                .optional();
    }

    /**
     * A commune's verified completion on a period as it stood at the end of a day: the history's last row by then,
     * zero before its first (as the plan tracker reads it).
     */
    public BigDecimal verifiedOn(long unitId, long periodId, LocalDate day) {
        return jdbc.sql("""
                select coalesce((select h.verified_percent from assessment_progress_history h
                    join assessment a on a.id = h.assessment_id
                    where a.unit_id = :unit and a.period_id = :period and h.day <= :day
                    order by h.day desc limit 1), 0)""")
                .param("unit", unitId).param("period", periodId).param("day", day).query(BigDecimal.class).single();
    }

    /** An assessment's figures at the end of a day, and how much that day changed them. */
    public record HistoryDay(long assessmentId, LocalDate day, BigDecimal verifiedPercent, BigDecimal claimedPercent,
            BigDecimal verifiedChange, BigDecimal claimedChange) {
    }

    /** Zero where there is no summary yet, or nothing is applicable, so that a change is always a number. */
    private Figures figures(long assessmentId) {
        return jdbc.sql("""
                select coalesce(verified_percent, 0) as verified, coalesce(claimed_percent, 0) as claimed
                from assessment_progress where assessment_id = ?""").param(assessmentId)
                .query((rs, row) -> new Figures(rs.getBigDecimal("verified"), rs.getBigDecimal("claimed")))
                .optional().orElse(new Figures(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private record Figures(BigDecimal verified, BigDecimal claimed) {
    }
}
