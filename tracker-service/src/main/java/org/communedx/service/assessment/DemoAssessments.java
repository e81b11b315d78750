package org.communedx.service.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.Criterion;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.DemoData;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.evidence.EvidenceStore;
import org.communedx.service.evidence.EvidenceStore.Staged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample assessments for the demo's Lạc Sơn communes, so that scorecards, rankings, trends and plan forecasts have
 * something to show: every period that has begun, with values, one sample evidence file per submission, returns,
 * approvals and not-applicable decisions spread over the year, each move audited and summed into the progress history
 * on its own day, exactly as the workflow would have written them. The current period of the communes whose demo
 * accounts try the journeys out (Yên Phú, Ân Nghĩa) stays empty, so that J1 and J2 start from the beginning there.
 * Nothing is left SUBMITTED: the review queues belong to whoever tries the demo.
 * <p>
 * The figures come from a fixed seed per commune and year, so every demo shows the same history. After the demo
 * periods, which it uses; only on a first start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoAssessments implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAssessments.class);

    static final String STAFF_PREFIX = "mau.xa.";

    static final String REVIEWER = "mau.huyen.lacson";

    private static final Set<String> JOURNEY_COMMUNES = Set.of("05305", "05347");

    private static final String PILOT = "05305";

    private static final String SAMPLE_FILE = "sample-evidence.pdf";

    private final DemoData demoData;

    private final PeriodRepository periods;

    private final AdministrativeUnitRepository units;

    private final AssessmentRepository assessments;

    private final CriterionEntryRepository entries;

    private final EvidenceRepository evidence;

    private final EvidenceStore store;

    private final AuditLog audit;

    private final ProgressLedger progress;

    private final Clock clock;

    private final EntityManager entityManager;

    DemoAssessments(DemoData demoData, PeriodRepository periods, AdministrativeUnitRepository units,
            AssessmentRepository assessments, CriterionEntryRepository entries, EvidenceRepository evidence,
            EvidenceStore store, AuditLog audit, ProgressLedger progress, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.demoData = demoData;
        this.periods = periods;
        this.units = units;
        this.assessments = assessments;
        this.entries = entries;
        this.evidence = evidence;
        this.store = store;
        this.audit = audit;
        this.progress = progress;
        this.clock = clock;
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
        Staged sample = storeSampleFile();
        for (int year = 0; year < demoPeriods.size(); year++) {
            Period period = demoPeriods.get(year);
            boolean current = !today.isAfter(period.getEndDate());
            AdministrativeUnit lacSon = units.findByCodeValidOn("157", period.getStartDate()).orElse(null);
            if (lacSon == null) {
                continue;
            }
            for (AdministrativeUnit commune : units.findChildrenValidOn(lacSon, period.getStartDate())) {
                if (current && JOURNEY_COMMUNES.contains(commune.getCode())) {
                    continue;
                }
                LocalDate lastDay = current ? today.minusDays(1) : period.getSubmissionDeadline();
                seed(commune, period, year, lastDay, sample);
            }
        }
        LOG.info("Sample assessments for the demo: {} written in {} ms", assessments.count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One commune's year: which criteria it got to, and the dated moves that got them there. */
    private void seed(AdministrativeUnit unit, Period periodSeen, int year, LocalDate lastDay, Staged sample) {
        AdministrativeUnit commune = units.findById(unit.getId()).orElseThrow();
        Period period = periods.findWithFramework(periodSeen.getId()).orElseThrow();
        Random random = new Random(commune.getCode().hashCode() * 31L + period.getYear());
        Random traits = new Random(commune.getCode().hashCode());
        double base = commune.getCode().equals(PILOT) ? 0.30 : 0.04 + traits.nextDouble() * 0.20;
        double growth = 0.04 + traits.nextDouble() * 0.10;
        double reach = Math.min(0.9, base + growth * year);
        LocalDate first = period.getStartDate().plusDays(20);
        if (!lastDay.isAfter(first.plusDays(20))) {
            return;
        }
        // A year in progress has got only as far as its share of the year.
        long span = period.getSubmissionDeadline().toEpochDay() - first.toEpochDay();
        reach *= Math.min(1.0, (double) (lastDay.toEpochDay() - first.toEpochDay()) / span);

        // The server already answers while this runs: a visitor who opens the commune first creates its
        // assessment (AssessmentWorkflow takes the same lock), and then it stands without a sample history.
        assessments.lockCreation(commune.getId(), period.getId());
        if (assessments.findByUnitAndPeriod(commune.getId(), period.getId()).isPresent()) {
            return;
        }
        Assessment assessment = assessments.saveAndFlush(Assessment.open(commune, period,
                at(period.getStartDate(), 8)));
        List<CriterionEntry> shuffled = new ArrayList<>(entries.findByAssessmentInOrder(assessment.getId()));
        Collections.shuffle(shuffled, random);
        int approvedMet = (int) Math.round(reach * shuffled.size());
        String staff = STAFF_PREFIX + commune.getCode();
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            CriterionEntry entry = shuffled.get(i);
            Timeline timeline = new Timeline(random, first, lastDay);
            if (i < approvedMet) {
                approved(moves, entry, staff, timeline, value(entry.getCriterion(), true, random),
                        random.nextInt(100) < 15);
            }
            else if (i < approvedMet + 2) {
                approved(moves, entry, staff, timeline, value(entry.getCriterion(), false, random), false);
            }
            else if (i < approvedMet + 3) {
                EntryValue value = value(entry.getCriterion(), random.nextBoolean(), random);
                moves.add(new Move(timeline.next(), entry, staff, "SAVE_VALUE", (e, at) -> e.saveValue(value,
                        "Số liệu mẫu", staff, at), false));
                moves.add(new Move(timeline.next(), entry, staff, "ADD_EVIDENCE", null, true));
                moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
                moves.add(new Move(timeline.next(), entry, REVIEWER, "RETURN", (e, at) -> e.returnWithReason(
                        "Minh chứng chưa có chữ ký, đóng dấu; đề nghị bổ sung.", REVIEWER, at), false));
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
                moves.add(new Move(timeline.next(), entry, REVIEWER, "APPROVE_NOT_APPLICABLE",
                        (e, at) -> e.approveNotApplicable(REVIEWER, at), false));
            }
        }
        replay(assessment.getId(), moves, sample);
        // Each flush checks every entity the transaction holds; letting go of the commune's lot keeps the flushes
        // of the next commune, one a day of its history, from slowing down as the demo grows.
        entityManager.flush();
        entityManager.clear();
    }

    private static void approved(List<Move> moves, CriterionEntry entry, String staff, Timeline timeline,
            EntryValue value, boolean returnedFirst) {
        moves.add(new Move(timeline.next(), entry, staff, "SAVE_VALUE",
                (e, at) -> e.saveValue(value, "Số liệu mẫu", staff, at), false));
        moves.add(new Move(timeline.next(), entry, staff, "ADD_EVIDENCE", null, true));
        moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
        if (returnedFirst) {
            moves.add(new Move(timeline.next(), entry, REVIEWER, "RETURN", (e, at) -> e.returnWithReason(
                    "Đề nghị bổ sung văn bản ban hành.", REVIEWER, at), false));
            moves.add(new Move(timeline.next(), entry, staff, "SUBMIT", (e, at) -> e.submit(1, staff, at), false));
        }
        moves.add(new Move(timeline.next(), entry, REVIEWER, "APPROVE", (e, at) -> e.approve(REVIEWER, at),
                false));
    }

    /**
     * Plays the moves in time order, as the workflow would have: each audited at its time, and the progress summed
     * once at the end of every day that had moves.
     */
    private void replay(long assessmentId, List<Move> moves, Staged sample) {
        moves.sort(Comparator.comparing(Move::at));
        LocalDate day = null;
        Instant lastOfDay = null;
        for (Move move : moves) {
            LocalDate moveDay = move.at().atZone(ProgressLedger.VIETNAM).toLocalDate();
            if (day != null && !day.equals(moveDay)) {
                entries.flush();
                progress.record(assessmentId, lastOfDay);
            }
            day = moveDay;
            lastOfDay = move.at();
            CriterionEntry entry = move.entry();
            var before = entry.snapshot();
            if (move.evidence()) {
                entry.evidenceAdded(move.actor(), move.at());
                Evidence file = evidence.save(new Evidence(entry, sample.sha256(), sample.size(), EvidenceType.PDF,
                        "bien-ban-mau.pdf", "Biên bản mẫu.pdf", new EvidenceMetadata("01/BB-UBND",
                                "Biên bản kiểm tra (mẫu)", "UBND xã", move.at().atZone(ProgressLedger.VIETNAM)
                                        .toLocalDate()), move.actor(), move.at()));
                audit.recordAt(move.actor(), move.at(), "EVIDENCE", file.getId(), "ADD_EVIDENCE", null,
                        file.snapshot());
                if (!before.get("status").equals(entry.getStatus().name())) {
                    audit.recordAt(move.actor(), move.at(), AssessmentWorkflow.AUDIT_TYPE, entry.getId(),
                            "ADD_EVIDENCE", before, entry.snapshot());
                }
                continue;
            }
            move.change().apply(entry, move.at());
            audit.recordAt(move.actor(), move.at(), AssessmentWorkflow.AUDIT_TYPE, entry.getId(), move.action(),
                    before, entry.snapshot());
        }
        if (lastOfDay != null) {
            entries.flush();
            progress.record(assessmentId, lastOfDay);
        }
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
}
