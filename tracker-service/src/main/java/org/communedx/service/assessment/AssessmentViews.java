package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.assessment.SuggestedValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoringRule;

/** What the workflow returns: plain records, so that no template lazy-loads. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record AssessmentView(long id, String unitCode, String unitName, long periodId, String periodName,
            List<EntryView> entries) {
    }

    /**
     * The entry page: the entry, its criterion, what the current user may do, and its history.
     * @param deadlinePassed the period's submission deadline has passed: a reviewer who returns the entry is told
     *        that the commune can answer only once the deadline is extended
     * @param graceDays days after the deadline during which the commune could still change its entries
     * @param closesAfter the last day the period took the commune's changes: the deadline plus the grace
     * @param closedToCommune the current user is the commune's staff and the period's submission deadline has passed,
     *        which is why {@code actions} offers them nothing: the page says so
     * @param reopenedForCommune the period has closed, but a reviewer reopened this entry for the commune, which may
     *        change and submit it again
     * @param awaitingReviewer the current user is the commune's staff and the entry waits for a reviewer, so they may
     *        not change it: the page says how to have it back (a word to the reviewer, who returns it)
     * @param points what the value earns by the criterion's scoring rule, whatever the status, of {@code maximum}:
     *        on a points version a reviewer weighs a partial value by them, as the scorecard shows them
     * @param scoring how the value earns them, which a points version's page states before there is any value
     */
    public record EntryDetail(EntryView entry, String communeCode, String communeName, long periodId,
            String periodName, LocalDate submissionDeadline, int graceDays, LocalDate closesAfter,
            boolean deadlinePassed, boolean closedToCommune, boolean reopenedForCommune, boolean awaitingReviewer,
            String groupCode,
            LocalizedText groupName, LocalizedText description,
            LocalizedText typicalEvidence, BigDecimal target, Comparison comparison, String unit,
            boolean evidenceRequired, int evidenceCount, Actions actions, List<HistoryLine> history,
            ChangeSinceReview sinceReview, SuggestionView suggestion, BigDecimal points, BigDecimal maximum,
            ScoringRule scoring, ScoreSettings scoreSettings) {

        /** Whether a submission would be refused for want of evidence ({@link CriterionEntry#lacksEvidence}). */
        public boolean lacksEvidence() {
            return CriterionEntry.lacksEvidence(evidenceRequired, evidenceCount);
        }
    }

    /**
     * The value a provincial system suggests for the entry (issue 19), shown as "from {source}" beside the entry's.
     * @param taken whether the entry already holds this very value
     */
    public record SuggestionView(EntryValue value, String source, String reference, Instant measuredAt,
            Instant receivedAt, boolean automatic, boolean taken) {

        static SuggestionView of(SuggestedValue suggestion, EntryValue current) {
            return new SuggestionView(suggestion.value(), suggestion.getSource(), suggestion.getReference(),
                    suggestion.getMeasuredAt(), suggestion.getReceivedAt(), suggestion.getCriterion().isAutomatic(),
                    suggestion.value().equals(current));
        }
    }

    /**
     * What the current user may do to the entry now: commune staff edit, reviewers review.
     * @param reopen reopen an approved entry while the period is open
     * @param reopenForCommune after the period closed, hand this entry back to the commune to change and submit
     * @param comment read and write the entry's comment thread ({@link AssessmentWorkflow#talksAbout}), whatever its
     *        status and the period's; not a move of the workflow, so not one of {@link #any()}
     */
    public record Actions(boolean save, boolean submit, boolean requestNotApplicable, boolean approve,
            boolean returnWithReason, boolean reopen, boolean approveNotApplicable, boolean takeSuggestion,
            boolean reopenForCommune, boolean comment) {

        /** Whether any move of the workflow is open to the current user. */
        public boolean any() {
            return save || submit || requestNotApplicable || approve || returnWithReason || reopen
                    || approveNotApplicable || takeSuggestion || reopenForCommune;
        }
    }

    /**
     * One audited change of the entry, with the status and value before and after.
     *
     * @param explanationChanged whether the commune's explanation changed, which a save may do alone
     * @param explanation the explanation after the change; null when it was cleared
     * @param file the evidence file added or removed, for those lines; null on the others
     */
    public record HistoryLine(String actor, Instant at, String action, EntryStatus statusBefore,
            EntryStatus statusAfter, EntryValue valueBefore, EntryValue valueAfter, String reason,
            boolean explanationChanged, String explanation, EvidenceFile file) {

        /** Whether the value changed; a submission or a review leaves it as it was, which one value says. */
        public boolean valueChanged() {
            return !java.util.Objects.equals(valueBefore, valueAfter);
        }

        HistoryLine withFile(EvidenceFile evidence) {
            return new HistoryLine(actor, at, action, statusBefore, statusAfter, valueBefore, valueAfter, reason,
                    explanationChanged, explanation, evidence);
        }
    }

    /**
     * For an entry that is under review again after a reviewer returned or reopened it: what changed since that
     * review. The value then and now, and the evidence files added and removed since, each list oldest first; a
     * file that was added and removed again since the review is in neither list.
     */
    public record ChangeSinceReview(Instant reviewedAt, String reviewer, String reason, EntryValue before,
            EntryValue after, List<EvidenceFile> evidenceAdded, List<EvidenceFile> evidenceRemoved) {

        public ChangeSinceReview {
            evidenceAdded = List.copyOf(evidenceAdded);
            evidenceRemoved = List.copyOf(evidenceRemoved);
        }

        public boolean valueChanged() {
            return !java.util.Objects.equals(before, after);
        }

        public boolean evidenceChanged() {
            return !evidenceAdded.isEmpty() || !evidenceRemoved.isEmpty();
        }
    }

    /**
     * An evidence file as the audit trail recorded it when it was added or removed.
     * @param originalName the name as the user gave it; display it escaped ({@code th:text}), never as markup
     */
    public record EvidenceFile(long id, String originalName, String title, String documentNumber) {
    }

    /**
     * @param id null before the commune's first write in the period stores its entries
     * @param version what a form sends back, so that a change made meanwhile is a conflict, not overwritten
     */
    public record EntryView(Long id, String criterionCode, LocalizedText criterionName, MeasurementType type,
            EntryStatus status, EntryValue value, boolean met, String explanation,
            String reason, Instant lastChangedAt, String lastChangedBy, long version) {

        static EntryView of(CriterionEntry entry) {
            EntryValue value = entry.value();
            return new EntryView(entry.getId(), entry.getCriterion().getCode(), entry.getCriterion().name(),
                    entry.getCriterion().getType(), entry.getStatus(), value,
                    entry.isMet(), entry.getExplanation(), entry.getReason(), entry.getLastChangedAt(),
                    entry.getLastChangedBy(), entry.getRowVersion());
        }
    }
}
