package org.communedx.service.mapping;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.mapping.CarriedOverValue;
import org.communedx.model.mapping.CarriedOverValueRepository;
import org.communedx.model.mapping.FrameworkMapping;
import org.communedx.model.mapping.FrameworkMappingRepository;
import org.communedx.model.mapping.MappingLink;
import org.communedx.model.mapping.MappingLink.Carry;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.Actors;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.CommuneBatches;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.job.JobProgress;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a period on a mapping's new version from each commune's last period on its old version: for every pair of
 * criteria the mapping carries ({@link MappingLink#carries}), the old entry's value and explanation become the new
 * entry's, a DRAFT that the commune must still submit and a reviewer approve, marked as carried over
 * ({@link CarriedOverValue}); the old entry's evidence files are linked to it (the same stored file, a new row). An
 * old entry without a value, or excluded as not applicable, carries nothing.
 *
 * <p>Only a commune that still exists during the new period is filled: one merged away in between is skipped and
 * counted (its successor starts empty). A period that any commune already has values in is refused, so that a value
 * the commune entered is never overwritten and a prefill never runs twice; so is a period closed to the communes,
 * whose drafts nobody could submit. The whole prefill is one transaction: all of it is written, or nothing.
 * It writes in {@link CommuneBatches}, so that its time grows with the communes, not with their square.
 */
@Service
public class Prefill {

    static final String ENTRY_AUDIT_TYPE = "CRITERION_ENTRY";

    static final String EVIDENCE_AUDIT_TYPE = "EVIDENCE";

    /** Old entries whose value is one the commune stands by; an excluded criterion's leftover value is not. */
    private static final Set<EntryStatus> CARRIED_STATUSES = EnumSet.of(EntryStatus.DRAFT, EntryStatus.SUBMITTED,
            EntryStatus.APPROVED, EntryStatus.RETURNED);

    private final FrameworkMappingRepository mappings;

    private final PeriodRepository periods;

    private final AssessmentRepository assessments;

    private final CriterionEntryRepository entries;

    private final EvidenceRepository evidence;

    private final CarriedOverValueRepository marks;

    private final AssessmentWorkflow workflow;

    private final Scopes scopes;

    private final AuditLog audit;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final CommuneBatches batches;

    Prefill(FrameworkMappingRepository mappings, PeriodRepository periods, AssessmentRepository assessments,
            CriterionEntryRepository entries, EvidenceRepository evidence, CarriedOverValueRepository marks,
            AssessmentWorkflow workflow, Scopes scopes, AuditLog audit,
            JdbcClient jdbc, Clock clock, CommuneBatches batches) {
        this.batches = batches;
        this.mappings = mappings;
        this.periods = periods;
        this.assessments = assessments;
        this.entries = entries;
        this.evidence = evidence;
        this.marks = marks;
        this.workflow = workflow;
        this.scopes = scopes;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What the prefill will fill, checked.
     * @throws MappingNotFoundException when there is no such mapping
     * @throws PrefillRefused with every problem; nothing is written
     */
    @Transactional(readOnly = true)
    public Checked check(long mappingId, long periodId) {
        MappingTransfer.requireAdministrator();
        FrameworkMapping mapping = mappings.findWithVersions(mappingId)
                .orElseThrow(() -> new MappingNotFoundException(mappingId));
        Period period = periods.findWithFramework(periodId).orElse(null);
        List<PrefillProblem> problems = new ArrayList<>();
        if (period == null) {
            problems.add(PrefillProblem.of("mapping.prefill.problem.noPeriod", periodId));
            throw new PrefillRefused(problems);
        }
        if (!period.getFramework().getId().equals(mapping.getTarget().getId())) {
            problems.add(PrefillProblem.of("mapping.prefill.problem.otherVersion", period.getName(),
                    period.getFramework().getCode() + " " + period.getFramework().getVersion(),
                    mapping.getTarget().getCode() + " " + mapping.getTarget().getVersion()));
        }
        if (!workflow.openToCommune(period)) {
            // A java.util.Date, which the message's date format takes.
            problems.add(PrefillProblem.of("mapping.prefill.problem.closed", period.getName(),
                    java.sql.Date.valueOf(period.getSubmissionDeadline())));
        }
        List<Source> sources = sources(mapping, period);
        String sourceVersion = mapping.getSource().getCode() + " " + mapping.getSource().getVersion();
        if (sources.isEmpty()) {
            problems.add(PrefillProblem.of("mapping.prefill.problem.nothingToCarry", sourceVersion, period.getName()));
        }
        else if (sources.stream().noneMatch(Source::stillExists)) {
            // Communes there were, but a merger ended them all before the period: their successors start empty.
            problems.add(PrefillProblem.of("mapping.prefill.problem.allMergedAway", sources.size(), sourceVersion,
                    period.getName()));
        }
        jdbc.sql("""
                select u.code, u.name, count(*) as entries
                from criterion_entry e join assessment a on a.id = e.assessment_id
                    join administrative_unit u on u.id = a.unit_id
                where a.period_id = :period and e.status <> 'NOT_STARTED'
                group by u.code, u.name order by u.code""").param("period", periodId)
                .query((rs, row) -> PrefillProblem.of("mapping.prefill.problem.hasValues", rs.getString("code"),
                        rs.getString("name"), rs.getInt("entries"), period.getName()))
                .list().forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new PrefillRefused(problems);
        }
        return new Checked(mappingId, periodId, period.getName(), sources);
    }

    /**
     * The commune's last assessment on the mapping's old version before the period, for every commune in the
     * caller's scope that has one; whether that same commune still exists during the period.
     */
    private List<Source> sources(FrameworkMapping mapping, Period period) {
        UnitScope scope = scopes.current();
        return jdbc.sql("""
                select distinct on (a.unit_id) a.unit_id, a.id as assessment_id, p.name as period_name,
                    (u.valid_from is null or u.valid_from <= :end) and (u.valid_to is null or u.valid_to >= :start)
                        as still_exists
                from assessment a join period p on p.id = a.period_id join administrative_unit u on u.id = a.unit_id
                where p.framework_id = :source and p.start_date < :start
                order by a.unit_id, p.start_date desc, p.id desc""")
                .param("source", mapping.getSource().getId()).param("start", period.getStartDate())
                .param("end", period.getEndDate())
                .query((rs, row) -> new Source(rs.getLong("unit_id"), rs.getLong("assessment_id"),
                        rs.getString("period_name"), rs.getBoolean("still_exists")))
                .list().stream().filter(source -> scope.includesUnit(source.unitId())).toList();
    }

    /**
     * Writes the checked prefill, checking it again first: a commune may have entered values since.
     * @throws PrefillRefused with every problem; nothing is written
     */
    @Transactional
    public PrefillResult write(Checked checked, JobProgress progress) {
        Checked now = check(checked.mappingId(), checked.periodId());
        FrameworkMapping mapping = mappings.findWithVersions(now.mappingId()).orElseThrow();
        long mappingId = mapping.getId();
        List<Carry> carries = mapping.getLinks().stream().flatMap(link -> link.carries().stream()).toList();
        List<Source> live = now.sources().stream().filter(Source::stillExists).toList();
        progress.total(live.size());
        String actor = Actors.username();
        Instant at = clock.instant();
        CommuneBatches.Batch batch = batches.start(periods.findWithFramework(now.periodId()).orElseThrow(), at);
        int values = 0;
        int files = 0;
        for (Source source : live) {
            Assessment old = assessments.findById(source.assessmentId()).orElseThrow();
            Map<String, CriterionEntry> oldEntries = new HashMap<>();
            entries.findByAssessmentInOrder(old.getId())
                    .forEach(entry -> oldEntries.put(entry.getCriterion().getCode(), entry));
            Assessment target = assessmentFor(old, batch.period(), at);
            for (Carry carry : carries) {
                CriterionEntry from = oldEntries.get(carry.source().getCode());
                if (from == null || from.value() == null || !CARRIED_STATUSES.contains(from.getStatus())) {
                    continue;
                }
                CriterionEntry to = target.entry(carry.target().getCode()).orElseThrow();
                Map<String, Object> before = to.snapshot();
                to.saveValue(from.value(), from.getExplanation(), actor, at);
                Map<String, Object> after = new LinkedHashMap<>(to.snapshot());
                after.put("carriedFromEntry", from.getId());
                after.put("carriedFromPeriod", source.periodName());
                audit.record(ENTRY_AUDIT_TYPE, to.getId(), "CARRY_OVER", before, after);
                for (Evidence file : evidence.findByEntryInOrder(from.getId())) {
                    Evidence linked = evidence.save(new Evidence(to, file.getSha256(), file.getSizeBytes(),
                            file.type(), file.getStoredName(), file.getOriginalName(),
                            new EvidenceMetadata(file.getDocumentNumber(), file.getTitle(), file.getIssuingBody(),
                                    file.getDocumentDate(), file.getEffectiveDate(), file.getValidUntil()), actor, at));
                    audit.record(EVIDENCE_AUDIT_TYPE, linked.getId(), "ADD_EVIDENCE", null, linked.snapshot());
                    files++;
                }
                marks.save(new CarriedOverValue(to.getId(), from.getId(), source.periodName(),
                        from.getCriterion().getCode(), actor, at));
                values++;
            }
            batch.done(target.getId(), true);
            progress.advance();
        }
        batch.finish();
        PrefillResult result = new PrefillResult(now.periodName(), live.size(), values, files,
                now.sources().size() - live.size());
        audit.record(MappingTransfer.AUDIT_TYPE, mappingId, "PREFILL", null, result);
        return result;
    }

    /**
     * The commune's assessment of the period, created if it has none; one it has must still be untouched, since a
     * commune may have written since the check.
     */
    private Assessment assessmentFor(Assessment old, Period period, Instant at) {
        long unitId = old.getUnit().getId();
        assessments.lockCreation(unitId, period.getId());
        Assessment target = assessments.findByUnitAndPeriod(unitId, period.getId())
                .orElseGet(() -> assessments.saveAndFlush(Assessment.open(old.getUnit(), period, at)));
        long touched = target.getEntries().stream().filter(entry -> entry.getStatus() != EntryStatus.NOT_STARTED)
                .count();
        if (touched > 0) {
            throw new PrefillRefused(List.of(PrefillProblem.of("mapping.prefill.problem.hasValues",
                    old.getUnit().getCode(), old.getUnit().getName(), touched, period.getName())));
        }
        return target;
    }

    /** The commune's last assessment on the old version, and whether the commune still exists in the new period. */
    record Source(long unitId, long assessmentId, String periodName, boolean stillExists) {
    }

    /** A prefill that passed its check, for its job to write. */
    public record Checked(long mappingId, long periodId, String periodName, List<Source> sources) {
    }
}
