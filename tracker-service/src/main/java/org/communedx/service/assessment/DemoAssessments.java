package org.communedx.service.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.Criterion;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.service.DemoData;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.PastEvent;
import org.communedx.service.evidence.EvidenceStore;
import org.communedx.service.evidence.EvidenceStore.Staged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample assessments for the demo's Lạc Sơn communes, so that scorecards, rankings, trends and plan forecasts have
 * something to show: every period that has begun, with values, one sample evidence file per submission, returns,
 * approvals and not-applicable decisions spread over the year, each move audited and summed into the progress history
 * on its own day, exactly as the workflow would have written them. A period that begins after the 2025 reform, which
 * ended the district, belongs to the communes of Tỉnh Phú Thọ formed from Lạc Sơn's, reviewed at the province. Each
 * entry keeps the points its period's version gives its value: DX-XA 1.0 up to 2025, the sample points version
 * DX-XA 2.0 in 2026, whose partial credit gives a value short of its target part of the criterion's maximum. The
 * current period of the communes whose demo accounts try the journeys out (Yên Phú 05305, and Ân Nghĩa 05347, whose
 * code the new Xã Đại Đồng took) stays empty, so that J1 and J2 start from the beginning there.
 * Nothing is left SUBMITTED: the review queues belong to whoever tries the demo.
 * <p>
 * The figures come from a fixed seed per commune and year, so every demo shows the same history. The moves are played
 * on the entries in memory, through the entities' own transitions, and what they leave behind is written set-wise:
 * the assessments and their entries with two statements, the entries' final state, the evidence rows, the audit rows
 * and the history days in a batch each, the summaries with {@link ProgressLedger#rebuildPeriod}. Written move by move,
 * the same history cost about a minute of the first start on a busy two-core machine.
 * <p>
 * The commune staff's moves are dated on or before their period's submission deadline (before today in a period still
 * open), so the history is one the workflow would have accepted. It is written as data, not through the workflow,
 * whose refusal after the deadline judges a change by today's date, not by the date it is written for.
 * <p>
 * Nothing else writes meanwhile: the web server already listens while application runners run, but until they are
 * done the application refuses traffic (its readiness state), and every request is answered 503 before it reaches a
 * controller. After the demo periods, which it uses; only on a first start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoAssessments implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAssessments.class);

    static final String STAFF_PREFIX = "mau.xa.";

    static final String REVIEWER = "mau.huyen.lacson";

    /** Who reviews the communes formed by the 2025 reform: no district stands between them and their province. */
    static final String PROVINCE_REVIEWER = "mau.tinh.phutho";

    private static final String LAC_SON = "157";

    private static final Set<String> JOURNEY_COMMUNES = Set.of("05305", "05347");

    private static final String PILOT = "05305";

    private static final String SAMPLE_FILE = "sample-evidence.pdf";

    private final DemoData demoData;

    private final PeriodRepository periods;

    private final AdministrativeUnitRepository units;

    private final UnitSuccessionRepository successions;

    private final AssessmentRepository assessments;

    private final EvidenceStore store;

    private final AuditLog audit;

    private final ProgressLedger progress;

    private final Clock clock;

    private final EntityManager entityManager;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    DemoAssessments(DemoData demoData, PeriodRepository periods, AdministrativeUnitRepository units,
            UnitSuccessionRepository successions, AssessmentRepository assessments, EvidenceStore store, AuditLog audit,
            ProgressLedger progress, Clock clock, EntityManager entityManager, JdbcClient jdbc,
            JdbcTemplate jdbcTemplate) {
        this.demoData = demoData;
        this.periods = periods;
        this.units = units;
        this.successions = successions;
        this.assessments = assessments;
        this.store = store;
        this.audit = audit;
        this.progress = progress;
        this.clock = clock;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.enabled() || assessments.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        List<Period> demoPeriods = periods.findAllNewestFirst().stream()
                .filter(period -> period.getName().matches("Năm \\d{4}") && period.getStartDate().isBefore(today))
                .sorted(Comparator.comparing(Period::getStartDate)).toList();
        if (demoPeriods.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        for (int year = 0; year < demoPeriods.size(); year++) {
            Period period = demoPeriods.get(year);
            // Still under way, or still open to the communes: the last period's deadline lies after the seeding day.
            boolean current = !today.isAfter(period.getEndDate()) || period.isOpenForSubmissions(today);
            String reviewer = REVIEWER;
            List<AdministrativeUnit> communes = units.findByCodeValidOn(LAC_SON, period.getStartDate())
                    .map(lacSon -> units.findChildrenValidOn(lacSon, period.getStartDate())).orElse(List.of());
            if (communes.isEmpty()) {
                // After the 2025 reform: the communes formed from Lạc Sơn's, reviewed at their province.
                reviewer = PROVINCE_REVIEWER;
                communes = units.findAllByCode(LAC_SON).stream()
                        .flatMap(lacSon -> successions.findCommunesFormedFromThoseOf(lacSon).stream())
                        .filter(commune -> commune.isValidOn(period.getStartDate())).toList();
            }
            for (AdministrativeUnit commune : communes) {
                if (current && JOURNEY_COMMUNES.contains(commune.getCode())) {
                    continue;
                }
                LocalDate lastDay = current ? today.minusDays(1) : period.getSubmissionDeadline();
                if (lastDay.isAfter(firstDay(period).plusDays(20))) {
                    samples.add(new Sample(commune.getId(), commune.getCode(), period, year, lastDay, reviewer));
                }
            }
        }
        Map<Sample, List<CriterionEntry>> entries = open(samples);
        Staged sample = storeSampleFile();
        Written written = new Written();
        entries.forEach((commune, itsEntries) -> replay(commune, itsEntries, moves(commune, itsEntries), written,
                sample));
        write(written);
        demoPeriods.forEach(period -> progress.rebuildPeriod(period.getId(), today));
        // The summary of each assessment dates from its last move, as the ledger would have left it.
        jdbc.sql("""
                update assessment_progress s set updated_at = m.last_move
                from (select assessment_id, max(last_changed_at) as last_move from criterion_entry
                      group by assessment_id) m
                where m.assessment_id = s.assessment_id and m.last_move is not null""").update();
        LOG.info("Sample assessments for the demo: {} written in {} ms", samples.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Creates the samples' assessments, each with one NOT_STARTED entry per criterion of its period's framework, as
     * {@link org.communedx.model.assessment.Assessment#open} would, and loads the entries in the framework's order.
     * They are detached at once: the moves change them in memory only, and {@link #write} stores what they left.
     */
    private Map<Sample, List<CriterionEntry>> open(List<Sample> samples) {
        jdbcTemplate.batchUpdate("insert into assessment (unit_id, period_id, created_at) values (?, ?, ?)", samples,
                1000, (statement, sample) -> {
                    statement.setLong(1, sample.communeId());
                    statement.setLong(2, sample.period().getId());
                    statement.setObject(3, OffsetDateTime.ofInstant(at(sample.period().getStartDate(), 8),
                            ZoneOffset.UTC));
                });
        jdbc.sql("""
                insert into criterion_entry (assessment_id, criterion_id, status)
                select a.id, c.id, 'NOT_STARTED' from assessment a join period p on p.id = a.period_id
                join criterion_group g on g.framework_id = p.framework_id join criterion c on c.group_id = g.id
                order by a.id, g.position, c.position""").update();
        // The bands of the STEPS and LEVELS rules, which score the values after the entries are detached.
        entityManager.createQuery("""
                select distinct c from Criterion c left join fetch c.scoreSteps
                where c.group.framework.id in :frameworks""", Criterion.class)
                .setParameter("frameworks", samples.stream().map(sample -> sample.period().getFramework().getId())
                        .distinct().toList())
                .getResultList();
        Map<List<Long>, List<CriterionEntry>> loaded = new HashMap<>();
        entityManager.createQuery("""
                select e from CriterionEntry e join fetch e.criterion c join fetch c.group g join fetch e.assessment a
                order by a.id, g.position, c.position""", CriterionEntry.class).getResultList()
                .forEach(entry -> loaded.computeIfAbsent(List.of(entry.getAssessment().getUnit().getId(),
                        entry.getAssessment().getPeriod().getId()), key -> new ArrayList<>()).add(entry));
        entityManager.clear();
        Map<Sample, List<CriterionEntry>> entries = new LinkedHashMap<>();
        samples.forEach(sample -> entries.put(sample, loaded.get(List.of(sample.communeId(),
                sample.period().getId()))));
        return entries;
    }

    /** One commune's year: which criteria it got to, and the dated moves that got them there. */
    private static List<Move> moves(Sample commune, List<CriterionEntry> entries) {
        Period period = commune.period();
        LocalDate lastDay = commune.lastDay();
        Random random = new Random(commune.code().hashCode() * 31L + period.getYear());
        Random traits = new Random(commune.code().hashCode());
        double base = commune.code().equals(PILOT) ? 0.30 : 0.04 + traits.nextDouble() * 0.20;
        double growth = 0.04 + traits.nextDouble() * 0.10;
        double reach = Math.min(0.9, base + growth * commune.year());
        LocalDate first = firstDay(period);
        // A year in progress has got only as far as its share of the year.
        long span = period.getSubmissionDeadline().toEpochDay() - first.toEpochDay();
        reach *= Math.min(1.0, (double) (lastDay.toEpochDay() - first.toEpochDay()) / span);

        List<CriterionEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, random);
        int approvedMet = (int) Math.round(reach * shuffled.size());
        String staff = STAFF_PREFIX + commune.code();
        String reviewer = commune.reviewer();
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            CriterionEntry entry = shuffled.get(i);
            Timeline timeline = new Timeline(random, first, lastDay);
            if (i < approvedMet) {
                approved(moves, entry, staff, reviewer, timeline, value(entry.getCriterion(), true, random),
                        random.nextInt(100) < 15);
            }
            else if (i < approvedMet + 2) {
                approved(moves, entry, staff, reviewer, timeline, value(entry.getCriterion(), false, random), false);
            }
            else if (i < approvedMet + 3) {
                EntryValue value = value(entry.getCriterion(), random.nextBoolean(), random);
                moves.add(new Move(timeline.next(), entry, staff, "SAVE_VALUE", (e, at) -> e.saveValue(value,
                        "Số liệu mẫu", staff, at), false));
                moves.add(new Move(timeline.next(), entry, staff, "ADD_EVIDENCE", null, true));
                moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
                moves.add(new Move(timeline.next(), entry, reviewer, "RETURN", (e, at) -> e.returnWithReason(
                        "Minh chứng chưa có chữ ký, đóng dấu; đề nghị bổ sung.", reviewer, at), false));
            }
            else if (i < approvedMet + 5) {
                EntryValue value = value(entry.getCriterion(), random.nextBoolean(), random);
                moves.add(new Move(timeline.next(), entry, staff, "SAVE_VALUE", (e, at) -> e.saveValue(value,
                        "Đang tổng hợp số liệu", staff, at), false));
            }
            else if (i == shuffled.size() - 1 && random.nextInt(100) < 20) {
                moves.add(new Move(timeline.next(), entry, staff, "REQUEST_NOT_APPLICABLE",
                        (e, at) -> e.requestNotApplicable("Xã chưa có hạ tầng để triển khai tiêu chí này.", staff,
                                at), false));
                moves.add(new Move(timeline.next(), entry, reviewer, "APPROVE_NOT_APPLICABLE",
                        (e, at) -> e.approveNotApplicable(reviewer, at), false));
            }
        }
        return moves;
    }

    private static LocalDate firstDay(Period period) {
        return period.getStartDate().plusDays(20);
    }

    private static void approved(List<Move> moves, CriterionEntry entry, String staff, String reviewer,
            Timeline timeline, EntryValue value, boolean returnedFirst) {
        moves.add(new Move(timeline.next(), entry, staff, "SAVE_VALUE",
                (e, at) -> e.saveValue(value, "Số liệu mẫu", staff, at), false));
        moves.add(new Move(timeline.next(), entry, staff, "ADD_EVIDENCE", null, true));
        moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
        if (returnedFirst) {
            moves.add(new Move(timeline.next(), entry, reviewer, "RETURN", (e, at) -> e.returnWithReason(
                    "Đề nghị bổ sung văn bản ban hành.", reviewer, at), false));
            moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
        }
        moves.add(new Move(timeline.next(), entry, reviewer, "APPROVE", (e, at) -> e.approve(reviewer, at),
                false));
    }

    /**
     * Plays the moves in time order, as the workflow would have: each audited at its time, and the progress summed
     * at the end of every day that had moves, into a history row when the day changed a percentage.
     */
    private void replay(Sample commune, List<CriterionEntry> entries, List<Move> moves, Written written,
            Staged sample) {
        long assessmentId = entries.get(0).getAssessment().getId();
        moves.sort(Comparator.comparing(Move::at));
        Figures figures = Figures.NONE;
        LocalDate day = null;
        for (Move move : moves) {
            LocalDate moveDay = move.at().atZone(ProgressLedger.VIETNAM).toLocalDate();
            if (day != null && !day.equals(moveDay)) {
                figures = endOfDay(assessmentId, day, entries, figures, written);
            }
            day = moveDay;
            CriterionEntry entry = move.entry();
            var before = entry.snapshot();
            if (move.evidence()) {
                entry.evidenceAdded(move.actor(), move.at());
                Evidence file = new Evidence(entry, sample.sha256(), sample.size(), EvidenceType.PDF,
                        "bien-ban-mau.pdf", "Biên bản mẫu.pdf", new EvidenceMetadata("01/BB-UBND",
                                "Biên bản kiểm tra (mẫu)", "UBND xã", moveDay), move.actor(), move.at());
                written.evidence.add(file);
                written.audit.add(new PastEvent(move.actor(), move.at(), "EVIDENCE", null,
                        "ADD_EVIDENCE", null, file.snapshot()));
                written.evidenceIds.add(written.audit.size() - 1);
                if (!before.get("status").equals(entry.getStatus().name())) {
                    written.audit.add(new PastEvent(move.actor(), move.at(), AssessmentWorkflow.AUDIT_TYPE,
                            entry.getId(), "ADD_EVIDENCE", before, entry.snapshot()));
                }
                continue;
            }
            move.change().apply(entry, move.at());
            written.audit.add(new PastEvent(move.actor(), move.at(), AssessmentWorkflow.AUDIT_TYPE, entry.getId(),
                    move.action(), before, entry.snapshot()));
        }
        if (day != null) {
            endOfDay(assessmentId, day, entries, figures, written);
        }
        written.entries.addAll(entries);
    }

    /** The history row of the day, when its moves changed a percentage; and the figures the next day starts from. */
    private static Figures endOfDay(long assessmentId, LocalDate day, List<CriterionEntry> entries, Figures before,
            Written written) {
        // Kept percentages, as ProgressLedger keeps them, so that the history adds up to the summary it sums.
        Completion.Score score = Completion.score(entries.stream()
                .map(entry -> new Completion.Item(entry.getCriterion().getCode(),
                        entry.getCriterion().getGroup().getCode(), entry.getCriterion().getWeight(),
                        entry.getStatus(), entry.isMet(), entry.getPoints()))
                .toList());
        BigDecimal verified = score.verifiedPercent();
        BigDecimal claimed = score.claimedPercent();
        Figures after = new Figures(verified == null ? BigDecimal.ZERO : verified,
                claimed == null ? BigDecimal.ZERO : claimed);
        BigDecimal verifiedChange = after.verified().subtract(before.verified());
        BigDecimal claimedChange = after.claimed().subtract(before.claimed());
        if (verifiedChange.signum() != 0 || claimedChange.signum() != 0) {
            written.history.add(new ProgressLedger.HistoryDay(assessmentId, day, verified, claimed, verifiedChange,
                    claimedChange));
        }
        return after;
    }

    /** Stores what the replay left: the entries' state, the evidence rows, the audit trail and the history. */
    private void write(Written written) {
        jdbcTemplate.batchUpdate("""
                update criterion_entry set status = ?, value_numerator = ?, value_denominator = ?, value_count = ?,
                    value_level = ?, value_yes_no = ?, explanation = ?, reason = ?, met = ?, points = ?,
                    last_changed_at = ?, last_changed_by = ?, row_version = row_version + 1
                where id = ?""", written.entries.stream().filter(entry -> entry.getLastChangedAt() != null).toList(),
                1000, (statement, entry) -> {
                    EntryValue value = entry.value();
                    statement.setString(1, entry.getStatus().name());
                    statement.setObject(2, value instanceof EntryValue.Percent p ? p.numerator() : null, Types.INTEGER);
                    statement.setObject(3, value instanceof EntryValue.Percent p ? p.denominator() : null,
                            Types.INTEGER);
                    statement.setObject(4, value instanceof EntryValue.Count c ? c.count() : null, Types.INTEGER);
                    statement.setObject(5, value instanceof EntryValue.Level l ? l.level() : null, Types.INTEGER);
                    statement.setObject(6, value instanceof EntryValue.YesNo y ? y.yes() : null, Types.BOOLEAN);
                    statement.setString(7, entry.getExplanation());
                    statement.setString(8, entry.getReason());
                    statement.setBoolean(9, entry.isMet());
                    statement.setBigDecimal(10, entry.getPoints());
                    statement.setObject(11, OffsetDateTime.ofInstant(entry.getLastChangedAt(), ZoneOffset.UTC));
                    statement.setString(12, entry.getLastChangedBy());
                    statement.setLong(13, entry.getId());
                });
        // The audit rows of the files name their ids, so the ids are drawn from the table's sequence first.
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('evidence', 'id')) from generate_series(1, ?)")
                .param(written.evidence.size()).query(Long.class).list();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Evidence file = written.evidence.get(i);
            rows.add(new Object[] { ids.get(i), file.getEntry().getId(), file.getSha256(), file.getSizeBytes(),
                    file.getMediaType(), file.getStoredName(), file.getOriginalName(), file.getDocumentNumber(),
                    file.getTitle(), file.getIssuingBody(), file.getDocumentDate(), file.getEffectiveDate(),
                    file.getValidUntil(), file.getUploadedBy(),
                    OffsetDateTime.ofInstant(file.getUploadedAt(), ZoneOffset.UTC) });
            int event = written.evidenceIds.get(i);
            PastEvent added = written.audit.get(event);
            written.audit.set(event, new PastEvent(added.actor(), added.at(), added.entityType(), ids.get(i),
                    added.action(), added.before(), added.after()));
        }
        jdbcTemplate.batchUpdate("""
                insert into evidence (id, entry_id, sha256, size_bytes, media_type, stored_name, original_name,
                    document_number, title, issuing_body, document_date, effective_date, valid_until, uploaded_by,
                    uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        audit.recordAllAt(written.audit);
        progress.writeHistory(written.history);
    }

    private Staged storeSampleFile() {
        try (InputStream content = DemoAssessments.class.getResourceAsStream(SAMPLE_FILE)) {
            Staged staged = store.stage(content, Long.MAX_VALUE);
            store.store(staged);
            return staged;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A value of the criterion's type that meets its target, or falls short of it where that is possible. */
    static EntryValue value(Criterion criterion, boolean meets, Random random) {
        BigDecimal target = criterion.getTarget();
        boolean atLeast = criterion.getComparison() == Comparison.AT_LEAST;
        EntryValue value = switch (criterion.getType()) {
            case PERCENT -> {
                int denominator = 20 + random.nextInt(180);
                int needed = target.multiply(BigDecimal.valueOf(denominator))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
                int numerator = meets ? needed + random.nextInt(denominator - needed + 1)
                        : random.nextInt(Math.max(1, needed));
                yield new EntryValue.Percent(Math.min(numerator, denominator), denominator);
            }
            case COUNT -> {
                int limit = target.intValue();
                int count = atLeast ? (meets ? limit + random.nextInt(3) : Math.max(0, limit - 1 - random.nextInt(2)))
                        : (meets ? Math.max(0, limit - random.nextInt(2)) : limit + 1 + random.nextInt(2));
                yield new EntryValue.Count(count);
            }
            case LEVEL -> {
                int level = target.intValue();
                yield new EntryValue.Level(meets ? level + random.nextInt(4 - level) : Math.max(0, level - 1));
            }
            case BOOLEAN -> new EntryValue.YesNo(meets);
        };
        return value;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ProgressLedger.VIETNAM).toInstant();
    }

    /** Moves of one criterion, a few days apart, within the year's working window. */
    private static final class Timeline {

        private final Random random;

        private final LocalDate lastDay;

        private LocalDate day;

        private int hour = 8;

        Timeline(Random random, LocalDate first, LocalDate lastDay) {
            this.random = random;
            this.lastDay = lastDay;
            long room = Math.max(1, lastDay.toEpochDay() - first.toEpochDay() - 40);
            this.day = first.plusDays(random.nextLong(room));
        }

        Instant next() {
            Instant at = at(day, hour);
            LocalDate following = day.plusDays(1 + random.nextInt(6));
            if (following.isAfter(lastDay)) {
                hour = Math.min(hour + 1, 17);
            }
            else {
                day = following;
            }
            return at;
        }
    }

    /** A workflow move of the entry, made at the given time. */
    private interface Change {
        void apply(CriterionEntry entry, Instant at);
    }

    /** One move: a {@link Change}, or (with {@code evidence}) the upload of the sample file. */
    private record Move(Instant at, CriterionEntry entry, String actor, String action, Change change,
            boolean evidence) {
    }

    /** A commune's year to fill: the {@code year}-th demo period, up to its {@code lastDay}, and who reviews it. */
    private record Sample(long communeId, String code, Period period, int year, LocalDate lastDay, String reviewer) {
    }

    /** An assessment's percentages as the ledger compares them: none yet counts as zero. */
    private record Figures(BigDecimal verified, BigDecimal claimed) {

        static final Figures NONE = new Figures(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * What the replay of all the samples leaves to store. The audit rows of added files wait for the files' ids:
     * {@code evidenceIds} holds their places in {@code audit}, one per file, in the order of {@code evidence}.
     */
    private static final class Written {

        final List<CriterionEntry> entries = new ArrayList<>();

        final List<Evidence> evidence = new ArrayList<>();

        final List<PastEvent> audit = new ArrayList<>();

        final List<Integer> evidenceIds = new ArrayList<>();

        final List<ProgressLedger.HistoryDay> history = new ArrayList<>();
    }
}
