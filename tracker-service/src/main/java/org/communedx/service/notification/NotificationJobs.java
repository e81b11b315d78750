package org.communedx.service.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.revision.DataRevision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices that nobody's act makes but the calendar: each a job at a time set in configuration
 * ({@code communedx.notifications.*-cron}, Vietnam's time), run on one instance at a time (ShedLock), and idempotent:
 * each notice carries a dedupe key that the database keeps unique per recipient, so a job run twice (two instances,
 * a retry, a restart) notifies once. Their transactions write notices (and outbox rows) alone, so they do not move the
 * {@link DataRevision} (see {@link NotificationInbox}).
 * <p>
 * They answer how many notices they made, boxed: ShedLock refuses to lock a method that returns a primitive, and
 * answers null for a run it skipped because another instance held the lock.
 */
@Component
public class NotificationJobs {

    public static final String WAITING = "submissions-waiting";

    public static final String REMINDERS = "deadline-reminders";

    public static final String PASSED = "deadline-passed";

    public static final String DIGESTS = "mail-digests";

    /** How many days ahead of a deadline its reminders go, latest first. */
    static final List<Integer> REMINDER_DAYS = List.of(1, 7, 14);

    /** How long after a deadline its passing is still told: a job that missed the day tells it later, not never. */
    static final int PASSED_TOLD_FOR_DAYS = 7;

    /**
     * A commune has entries not yet submitted in a period unless it has an assessment there none of whose entries is
     * still to be submitted: no assessment at all (the usual case, before the first write) counts as nothing done.
     */
    private static final String NOT_ALL_SUBMITTED = """
            not exists (select 1 from assessment a where a.unit_id = c.id and a.period_id = p.id
                and not exists (select 1 from criterion_entry e where e.assessment_id = a.id
                    and e.status in ('NOT_STARTED', 'DRAFT', 'RETURNED')))""";

    /**
     * The communes of the period: the holders of their codes on its first day, whose the period's data is, as
     * dashboards and rollups take them. Taken at the deadline, the 2025 period's were the communes formed on 1 July,
     * which hold none of its entries: the province formed then heard of all its communes missing, the one whose
     * communes had entered the year of nothing.
     */
    private static final String COMMUNES_OF_PERIOD = """
            c.level = 'COMMUNE' and (c.valid_from is null or c.valid_from <= p.start_date)
                and (c.valid_to is null or c.valid_to >= p.start_date)""";

    private final JdbcClient jdbc;

    private final AdministrativeUnitRepository units;

    private final Recipients recipients;

    private final NotificationInbox inbox;

    private final DataRevision revision;

    private final Clock clock;

    NotificationJobs(JdbcClient jdbc, AdministrativeUnitRepository units, Recipients recipients,
            NotificationInbox inbox, DataRevision revision, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.recipients = recipients;
        this.inbox = inbox;
        this.revision = revision;
        this.clock = clock;
    }

    /**
     * Each reviewer's daily notice of what waits for them: one per reviewer and day, with the count and the date of
     * the oldest, linking to the review queue.
     *
     * @return how many notices were made
     */
    @Scheduled(cron = "${communedx.notifications.waiting-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = WAITING, lockAtMostFor = "PT30M")
    @Transactional
    public Integer submissionsWaiting() {
        revision.excludeCurrentTransaction();
        LocalDate today = today();
        record Waiting(long unitId, long count, OffsetDateTime oldest) {
        }
        List<Waiting> waiting = jdbc.sql("""
                select a.unit_id, count(*) as waiting, min(e.last_changed_at) as oldest
                from criterion_entry e join assessment a on a.id = e.assessment_id
                where e.status in ('SUBMITTED', 'NOT_APPLICABLE_REQUESTED')
                group by a.unit_id""")
                .query((rs, row) -> new Waiting(rs.getLong("unit_id"), rs.getLong("waiting"),
                        rs.getObject("oldest", OffsetDateTime.class)))
                .list();
        Map<Long, AdministrativeUnit> communes = units.findAllById(waiting.stream().map(Waiting::unitId).toList())
                .stream().collect(Collectors.toMap(AdministrativeUnit::getId, Function.identity()));
        Map<Long, long[]> countByReviewer = new HashMap<>();
        Map<Long, LocalDate> oldestByReviewer = new HashMap<>();
        // Reviewers are looked up once per parent unit: every commune of a district has the same ones.
        Map<Long, List<Long>> reviewersByParent = new HashMap<>();
        for (Waiting w : waiting) {
            AdministrativeUnit commune = communes.get(w.unitId());
            if (commune == null || commune.getParent() == null) {
                continue;
            }
            List<Long> reviewers = reviewersByParent.computeIfAbsent(commune.getParent().getId(),
                    parent -> recipients.reviewersOf(commune));
            LocalDate oldest = w.oldest() == null ? today
                    : w.oldest().toInstant().atZone(ProgressLedger.VIETNAM).toLocalDate();
            for (long reviewer : reviewers) {
                countByReviewer.computeIfAbsent(reviewer, r -> new long[1])[0] += w.count();
                oldestByReviewer.merge(reviewer, oldest, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        int made = 0;
        for (var reviewer : countByReviewer.entrySet()) {
            made += inbox.notify(List.of(reviewer.getKey()), new Notice(NotificationKind.SUBMISSIONS_WAITING, null,
                    null, null, Map.of("count", Long.toString(reviewer.getValue()[0]),
                            "oldest", oldestByReviewer.get(reviewer.getKey()).toString()),
                    WAITING + ":" + today));
        }
        return made;
    }

    /**
     * The staff of communes with entries not yet submitted hear of their period's deadline 14, 7 and 1 days ahead. A
     * day the job missed is made up the next: a commune 13 days ahead that was not told at 14 is told then.
     *
     * @return how many notices were made
     */
    @Scheduled(cron = "${communedx.notifications.reminders-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = REMINDERS, lockAtMostFor = "PT30M")
    @Transactional
    public Integer deadlineReminders() {
        revision.excludeCurrentTransaction();
        LocalDate today = today();
        record Due(long userId, long unitId, long periodId, String periodName, LocalDate deadline) {
        }
        // The staff rule of AssessmentWorkflow.isStaff, as SQL: commune staff whose unit is the commune.
        List<Due> due = jdbc.sql("""
                select u.id as user_id, c.id as unit_id, p.id as period_id, p.name, p.submission_deadline
                from period p
                join administrative_unit c on %s
                join user_account u on u.unit_code = c.code and u.role = 'COMMUNE_STAFF' and u.enabled
                where p.submission_deadline between :today and :last and %s
                order by u.id""".formatted(COMMUNES_OF_PERIOD, NOT_ALL_SUBMITTED))
                .param("today", today).param("last", today.plusDays(REMINDER_DAYS.get(REMINDER_DAYS.size() - 1)))
                .query((rs, row) -> new Due(rs.getLong("user_id"), rs.getLong("unit_id"), rs.getLong("period_id"),
                        rs.getString("name"), rs.getObject("submission_deadline", LocalDate.class)))
                .list();
        int made = 0;
        for (Due d : due) {
            long daysLeft = ChronoUnit.DAYS.between(today, d.deadline());
            int bucket = REMINDER_DAYS.stream().filter(days -> days >= daysLeft).findFirst().orElseThrow();
            made += inbox.notify(List.of(d.userId()), new Notice(NotificationKind.DEADLINE_AHEAD, null, d.unitId(),
                    d.periodId(), Map.of("days", Long.toString(daysLeft), "deadline", d.deadline().toString(),
                            "period", d.periodName()),
                    // The deadline too: one moved later is reminded of anew.
                    REMINDERS + ":" + d.periodId() + ":" + d.unitId() + ":" + d.deadline() + ":" + bucket));
        }
        return made;
    }

    /**
     * A province's managers hear once per period and deadline that the deadline passed with communes' entries missing,
     * with how many communes: once more if the deadline, moved later, passes again.
     *
     * @return how many notices were made
     */
    @Scheduled(cron = "${communedx.notifications.deadline-passed-cron:0 0 8 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = PASSED, lockAtMostFor = "PT30M")
    @Transactional
    public Integer deadlinePassed() {
        revision.excludeCurrentTransaction();
        LocalDate today = today();
        List<Missing> missing = missing(today.minusDays(PASSED_TOLD_FOR_DAYS), today.minusDays(1));
        Map<Long, AdministrativeUnit> provinces = units.findAllById(missing.stream().map(Missing::provinceId)
                .distinct().toList()).stream().collect(Collectors.toMap(AdministrativeUnit::getId,
                        Function.identity()));
        int made = 0;
        for (Missing m : missing) {
            AdministrativeUnit province = provinces.get(m.provinceId());
            made += inbox.notify(recipients.managersOfProvince(province), m.notice());
        }
        return made;
    }

    /** A province's communes that had not submitted everything when the deadline of a period passed. */
    record Missing(long provinceId, long periodId, String periodName, LocalDate deadline, long communes) {

        Notice notice() {
            return new Notice(NotificationKind.DEADLINE_PASSED, null, provinceId, periodId, Map.of("count",
                    Long.toString(communes), "deadline", deadline.toString(), "period", periodName),
                    PASSED + ":" + periodId + ":" + deadline + ":" + provinceId);
        }
    }

    /**
     * For each period whose deadline fell between {@code first} and {@code last}, both included, and each province:
     * how many of its communes then had entries not submitted, or none at all.
     */
    List<Missing> missing(LocalDate first, LocalDate last) {
        return jdbc.sql("""
                select coalesce(g.id, d.id) as province_id, p.id as period_id, p.name, p.submission_deadline,
                    count(*) as communes
                from period p
                join administrative_unit c on %s
                join administrative_unit d on d.id = c.parent_id
                left join administrative_unit g on g.id = d.parent_id
                where p.submission_deadline between :first and :last and %s
                group by coalesce(g.id, d.id), p.id, p.name, p.submission_deadline""".formatted(COMMUNES_OF_PERIOD,
                NOT_ALL_SUBMITTED))
                .param("first", first).param("last", last)
                .query((rs, row) -> new Missing(rs.getLong("province_id"), rs.getLong("period_id"),
                        rs.getString("name"), rs.getObject("submission_deadline", LocalDate.class),
                        rs.getLong("communes")))
                .list();
    }

    /**
     * Gathers the notices waiting for each digest reader into one e-mail (an outbox row) per reader and day; the
     * sender sends it. Run twice in a day, the second run finds the day's row and leaves the newer notices for the
     * next day's.
     *
     * @return how many digests were planned
     */
    @Scheduled(cron = "${communedx.notifications.digest-cron:0 0 17 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = DIGESTS, lockAtMostFor = "PT30M")
    @Transactional
    public Integer gatherDigests() {
        revision.excludeCurrentTransaction();
        Timestamp now = Timestamp.from(clock.instant());
        String key = DIGESTS + ":" + today();
        List<Long> readers = jdbc.sql("""
                select distinct n.recipient_id from notification n
                where n.awaiting_digest and n.digest_id is null""").query(Long.class).list();
        List<Long> planned = new ArrayList<>();
        for (long reader : readers) {
            jdbc.sql("""
                    insert into mail_outbox (recipient_id, kind, dedupe_key, created_at, next_attempt_at)
                    values (?, 'DIGEST', ?, ?, ?)
                    on conflict (recipient_id, dedupe_key) where dedupe_key is not null do nothing
                    returning id""").param(reader).param(key).param(now).param(now).query(Long.class).optional()
                    .ifPresent(digest -> {
                        jdbc.sql("""
                                update notification set digest_id = ?
                                where recipient_id = ? and awaiting_digest and digest_id is null""")
                                .param(digest).param(reader).update();
                        planned.add(digest);
                    });
        }
        return planned.size();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
    }
}
