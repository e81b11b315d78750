package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;

/** What the workflow returns: plain records, so that no template lazy-loads. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record AssessmentView(long id, String unitCode, String unitName, long periodId, String periodName,
            List<EntryView> entries) {
    }

    /** @param version what a form sends back, so that a change made meanwhile is a conflict, not overwritten */
    public record EntryView(long id, String criterionCode, LocalizedText criterionName, MeasurementType type,
            EntryStatus status, EntryValue value, BigDecimal measure, boolean met, String explanation,
            String reason, Instant lastChangedAt, String lastChangedBy, long version) {

        static EntryView of(CriterionEntry entry) {
            EntryValue value = entry.value();
            return new EntryView(entry.getId(), entry.getCriterion().getCode(), entry.getCriterion().name(),
                    entry.getCriterion().getType(), entry.getStatus(), value, value == null ? null : value.measure(),
                    entry.isMet(), entry.getExplanation(), entry.getReason(), entry.getLastChangedAt(),
                    entry.getLastChangedBy(), entry.getRowVersion());
        }
    }
}
