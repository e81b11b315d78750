package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;

/** What the workflow returns: plain records, so that no template lazy-loads. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record AssessmentView(long id, String unitCode, String unitName, long periodId, String periodName,
            List<EntryView> entries) {
    }

    /** The entry page: the entry, its criterion, what the current user may do, and its history. */
    public record EntryDetail(EntryView entry, String communeCode, String communeName, long periodId,
            String periodName, String groupCode, LocalizedText groupName, LocalizedText description,
            LocalizedText typicalEvidence, BigDecimal target, Comparison comparison, String unit,
            boolean evidenceRequired, int evidenceCount, Actions actions, List<HistoryLine> history,
            ChangeSinceReview sinceReview) {
    }

    /** What the current user may do to the entry now: commune staff edit, reviewers review. */
    public record Actions(boolean save, boolean submit, boolean requestNotApplicable, boolean approve,
            boolean returnWithReason, boolean reopen, boolean approveNotApplicable) {

        public boolean any() {
            return save || submit || requestNotApplicable || approve || returnWithReason || reopen
                    || approveNotApplicable;
        }
    }

    /** One audited change of the entry, with the status and value before and after. */
    public record HistoryLine(String actor, Instant at, String action, EntryStatus statusBefore,
            EntryStatus statusAfter, EntryValue valueBefore, EntryValue valueAfter, String reason) {
    }

    /**
     * For an entry that is under review again after a reviewer returned or reopened it: the value at that review
     * and the value now. Evidence added or removed since is not shown yet; it comes with evidence storage.
     */
    public record ChangeSinceReview(Instant reviewedAt, String reviewer, String reason, EntryValue before,
            EntryValue after) {

        public boolean valueChanged() {
            return !java.util.Objects.equals(before, after);
        }
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
