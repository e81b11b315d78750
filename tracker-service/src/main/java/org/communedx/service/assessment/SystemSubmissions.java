package org.communedx.service.assessment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Criterion;
import org.communedx.model.period.Period;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the suggested values of {@link Criterion#isAutomatic() automatic} criteria to the reviewers: each entry the
 * commune could still change becomes SUBMITTED with the system's value, audited as {@code SUBMIT_FROM_SYSTEM} with
 * the source, so that the history says it came from the system. An entry already submitted, approved or decided
 * not applicable is a person's and is left. A period past its deadline takes no suggestions at all
 * ({@code SuggestedValues.closed}). Nothing here approves: a reviewer still decides.
 * <p>
 * Within the suggestions' transaction; the scope and the caller's role were checked by {@code SuggestedValues}.
 * Assessments not yet stored are created as the commune's first write creates them, in {@link CommuneBatches}, so
 * that a country's push takes time in proportion to its communes.
 */
@Service
public class SystemSubmissions {

    private final CriterionEntryRepository entries;

    private final AdministrativeUnitRepository units;

    private final AssessmentWorkflow workflow;

    private final AuditLog audit;

    private final CommuneBatches batches;

    SystemSubmissions(CriterionEntryRepository entries, AdministrativeUnitRepository units,
            AssessmentWorkflow workflow, AuditLog audit, CommuneBatches batches) {
        this.entries = entries;
        this.units = units;
        this.workflow = workflow;
        this.audit = audit;
        this.batches = batches;
    }

    /** A suggested value of an automatic criterion for the commune with this unit id. */
    public record Automatic(long unitId, Criterion criterion, EntryValue value) {
    }

    /**
     * Submits the values to the reviewers where the entry can take them.
     * @return how many entries were submitted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int submit(Period period, List<Automatic> values, String source) {
        if (values.isEmpty()) {
            return 0;
        }
        Instant now = workflow.now();
        Map<Long, List<Automatic>> byCommune = new LinkedHashMap<>();
        values.forEach(value -> byCommune.computeIfAbsent(value.unitId(), id -> new java.util.ArrayList<>())
                .add(value));
        int submitted = 0;
        CommuneBatches.Batch batch = batches.start(period, now);
        for (Map.Entry<Long, List<Automatic>> commune : byCommune.entrySet()) {
            AdministrativeUnit unit = units.getReferenceById(commune.getKey());
            Assessment assessment = workflow.storedFor(unit, batch.period());
            boolean moved = false;
            for (Automatic value : commune.getValue()) {
                CriterionEntry entry = entries.findForWorkflow(assessment.getId(), value.criterion().getCode())
                        .orElseThrow();
                if (!entry.getStatus().isEditable()) {
                    continue;
                }
                var before = entry.snapshot();
                try {
                    entry.submitFromSystem(value.value(), source, Actors.username(), now);
                }
                catch (RuleViolation refused) {
                    continue;
                }
                Map<String, Object> after = new LinkedHashMap<>(entry.snapshot());
                after.put("source", source);
                audit.record(AssessmentWorkflow.AUDIT_TYPE, entry.getId(), "SUBMIT_FROM_SYSTEM", before, after);
                moved = true;
                submitted++;
            }
            batch.done(assessment.getId(), moved);
        }
        batch.finish();
        return submitted;
    }
}
