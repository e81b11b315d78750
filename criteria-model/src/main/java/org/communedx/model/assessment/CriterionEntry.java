package org.communedx.model.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.communedx.model.RuleViolation;
import org.communedx.model.Unicode;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;

import static org.communedx.model.assessment.EntryStatus.APPROVED;
import static org.communedx.model.assessment.EntryStatus.DRAFT;
import static org.communedx.model.assessment.EntryStatus.NOT_APPLICABLE;
import static org.communedx.model.assessment.EntryStatus.NOT_APPLICABLE_REQUESTED;
import static org.communedx.model.assessment.EntryStatus.NOT_STARTED;
import static org.communedx.model.assessment.EntryStatus.RETURNED;
import static org.communedx.model.assessment.EntryStatus.SUBMITTED;

/**
 * One criterion of one commune's assessment: its value, where it stands in review, and who changed it last.
 * Every move of the workflow is a method here that refuses the moves the workflow does not allow, whoever calls
 * it. Who may call which is the service's rule.
 */
@Entity
@Table(name = "criterion_entry")
public class CriterionEntry {

    /** The longest explanation a commune gives with a value, on the entry page and through the API. */
    public static final int EXPLANATION_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    private Assessment assessment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "criterion_id")
    private Criterion criterion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryStatus status = NOT_STARTED;

    @Column(name = "value_numerator")
    private Integer numerator;

    @Column(name = "value_denominator")
    private Integer denominator;

    @Column(name = "value_count")
    private Integer count;

    @Column(name = "value_level")
    private Integer level;

    @Column(name = "value_yes_no")
    private Boolean yesNo;

    private String explanation;

    /**
     * The value's explanation while the entry asks for, or is accepted as, "not applicable", whose reason stands in
     * {@link #explanation}: given back with the value when a reviewer refuses the request or reopens the entry.
     */
    @Column(name = "value_explanation")
    private String valueExplanation;

    private String reason;

    /** Kept with the value, so that the explanation need not judge it again; see {@link #isMet()}. */
    @Column(nullable = false)
    private boolean met;

    /**
     * The points the value earns by its criterion's scoring rule, kept with the value so that every figure sums them
     * in SQL without judging the value again; see {@link #getPoints()}.
     */
    @Column(nullable = false)
    private BigDecimal points = BigDecimal.ZERO.setScale(ScoringRule.POINT_SCALE);

    /**
     * A reviewer reopened the entry for its commune after the period closed: it takes the commune's changes again
     * until it is handed back for review; see {@link #reopenForCommune} and {@link #isOpenToCommune}.
     */
    @Column(name = "reopened_for_commune", nullable = false)
    private boolean reopenedForCommune;

    @Column(name = "last_changed_at")
    private Instant lastChangedAt;

    @Column(name = "last_changed_by")
    private String lastChangedBy;

    /**
     * The system whose value {@link #submitFromSystem} sent to the reviewer, until the entry's next move; null when a
     * person put the entry where it stands.
     */
    @Column(name = "submitted_from")
    private String submittedFrom;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected CriterionEntry() {
    }

    CriterionEntry(Assessment assessment, Criterion criterion) {
        this.assessment = assessment;
        this.criterion = criterion;
    }

    /** Commune staff record a value and its explanation; a returned entry goes back to draft. */
    public void saveValue(EntryValue value, String explanation, String actor, Instant now) {
        require("saveValue", NOT_STARTED, DRAFT, RETURNED);
        if (value == null) {
            throw new RuleViolation("entry.refused.noValue");
        }
        if (value.type() != criterion.getType()) {
            throw new RuleViolation("entry.refused.wrongType", value.type(), criterion.getType());
        }
        String kept = bounded(explanation);
        // The same value and explanation saved again on a draft (a second tap, a form saved twice) change nothing:
        // no history line "850/1.200 → 850/1.200" for the reviewer to read.
        if (status == DRAFT && value.equals(value()) && Objects.equals(kept, this.explanation)) {
            return;
        }
        setValue(value);
        this.explanation = kept;
        moveTo(DRAFT, actor, now);
    }

    /**
     * Sends the entry for review. It needs a value and, where the criterion requires evidence, at least one file.
     * @param evidenceCount how many files are attached to the entry
     */
    public void submit(int evidenceCount, String actor, Instant now) {
        require("submit", DRAFT, RETURNED);
        if (value() == null) {
            throw new RuleViolation("entry.refused.noValue");
        }
        if (lacksEvidence(criterion.isEvidenceRequired(), evidenceCount)) {
            throw new RuleViolation("entry.refused.evidenceRequired");
        }
        reopenedForCommune = false;
        moveTo(SUBMITTED, actor, now);
    }

    /**
     * Whether an entry with {@code evidenceCount} files cannot be submitted for want of evidence: its criterion
     * requires a file, and it has none. The entry page says so where its submit button would be.
     */
    public static boolean lacksEvidence(boolean evidenceRequired, int evidenceCount) {
        return evidenceRequired && evidenceCount < 1;
    }

    /**
     * A provincial system's value for an automatic criterion goes to the reviewer: the entry becomes SUBMITTED with
     * it, changed by {@code actor} (who sent the system's values in) and {@link #getSubmittedFrom() from} the system
     * named {@code source}. Only while the commune could still change the entry: a submission, an approval or a
     * not-applicable decision is a person's and stays. Evidence is not asked for; the system's reference stands for
     * it, and a reviewer still decides.
     */
    public void submitFromSystem(EntryValue value, String source, String actor, Instant now) {
        require("submitFromSystem", NOT_STARTED, DRAFT, RETURNED);
        if (value == null) {
            throw new RuleViolation("entry.refused.noValue");
        }
        if (value.type() != criterion.getType()) {
            throw new RuleViolation("entry.refused.wrongType", value.type(), criterion.getType());
        }
        setValue(value);
        this.reason = null;
        moveTo(SUBMITTED, actor, now);
        this.submittedFrom = source;
    }

    /** A reviewer accepts the submitted value, which locks the entry. */
    public void approve(String actor, Instant now) {
        require("approve", SUBMITTED);
        this.reason = null;
        moveTo(APPROVED, actor, now);
    }

    /** A reviewer sends a submission, or a not-applicable request, back to the commune with a reason. */
    public void returnWithReason(String reason, String actor, Instant now) {
        require("return", SUBMITTED, NOT_APPLICABLE_REQUESTED);
        this.reason = requireReason(reason);
        giveBackValueExplanation();
        moveTo(RETURNED, actor, now);
    }

    /**
     * A reviewer unlocks an approved entry, with a reason. It becomes RETURNED rather than DRAFT: the commune
     * sees the reason exactly as after a return, and must submit again.
     */
    public void reopen(String reason, String actor, Instant now) {
        require("reopen", APPROVED, NOT_APPLICABLE);
        this.reason = requireReason(reason);
        giveBackValueExplanation();
        moveTo(RETURNED, actor, now);
    }

    /** After "not applicable" is refused or undone, the value is the commune's again, with its own explanation. */
    private void giveBackValueExplanation() {
        if (status == NOT_APPLICABLE_REQUESTED || status == NOT_APPLICABLE) {
            this.explanation = valueExplanation;
            this.valueExplanation = null;
        }
    }

    /**
     * After the period closed to communes, a reviewer hands this one entry back to its commune with a reason,
     * whatever its status: it becomes RETURNED (its value kept), and takes the commune's changes again until the
     * commune submits it or asks for "not applicable", which ends the reopening. The rest of the period stays closed.
     */
    public void reopenForCommune(String reason, String actor, Instant now) {
        if (reopenedForCommune) {
            throw new RuleViolation("entry.refused.alreadyReopened");
        }
        this.reason = requireReason(reason);
        this.reopenedForCommune = true;
        giveBackValueExplanation();
        moveTo(RETURNED, actor, now);
    }

    /**
     * Whether commune staff may change the entry on {@code today}: while its period is open to communes, or after it
     * closed once a reviewer reopened the entry for them.
     */
    public boolean isOpenToCommune(LocalDate today) {
        return isOpenToCommune(reopenedForCommune, assessment.getPeriod(), today);
    }

    /** {@link #isOpenToCommune(LocalDate)} of an entry known by its flag and period, as a count of entries gives it. */
    public static boolean isOpenToCommune(boolean reopenedForCommune, Period period, LocalDate today) {
        return reopenedForCommune || period.isOpenForSubmissions(today);
    }

    /** Refuses a commune's change on {@code today} unless {@link #isOpenToCommune}; the period's refusal says why. */
    public void requireOpenToCommune(LocalDate today) {
        if (!reopenedForCommune) {
            assessment.getPeriod().requireOpenForSubmissions(today);
        }
    }

    /** The commune asks a reviewer to exclude this criterion, and says why. */
    public void requestNotApplicable(String explanation, String actor, Instant now) {
        require("requestNotApplicable", NOT_STARTED, DRAFT, RETURNED);
        if (Unicode.isBlank(explanation)) {
            throw new RuleViolation("entry.refused.explanationRequired");
        }
        this.valueExplanation = this.explanation;
        this.explanation = bounded(explanation);
        reopenedForCommune = false;
        moveTo(NOT_APPLICABLE_REQUESTED, actor, now);
    }

    public void approveNotApplicable(String actor, Instant now) {
        require("approveNotApplicable", NOT_APPLICABLE_REQUESTED);
        this.reason = null;
        moveTo(NOT_APPLICABLE, actor, now);
    }

    /**
     * Commune staff attach a file. Allowed while the entry is still theirs to edit; a NOT_STARTED entry becomes a
     * DRAFT, since work on it has begun. The change bumps the entry's version, so that a submission or review
     * made meanwhile on the old state is a conflict rather than a decision on evidence it never saw.
     */
    public void evidenceAdded(String actor, Instant now) {
        require("addEvidence", NOT_STARTED, DRAFT, RETURNED);
        moveTo(status == NOT_STARTED ? DRAFT : status, actor, now);
    }

    /** Commune staff remove a file, only while the entry is a draft or was returned to them. */
    public void evidenceRemoved(String actor, Instant now) {
        requireEvidenceRemovable();
        moveTo(status, actor, now);
    }

    /** Whether a file may be removed now, as {@link #evidenceRemoved} requires: asked before the removal too. */
    public void requireEvidenceRemovable() {
        require("removeEvidence", DRAFT, RETURNED);
    }

    private void require(String action, EntryStatus... allowed) {
        if (!EnumSet.copyOf(List.of(allowed)).contains(status)) {
            throw new RuleViolation("entry.refused.transition", action, status);
        }
    }

    /** The longest reason a reviewer may give, as the forms' text areas allow. */
    public static final int MAX_REASON_LENGTH = 2000;

    private static String requireReason(String reason) {
        String text = Unicode.trim(reason);
        if (text == null || text.isEmpty()) {
            throw new RuleViolation("entry.refused.reasonRequired");
        }
        if (text.length() > MAX_REASON_LENGTH) {
            throw new RuleViolation("entry.refused.reasonTooLong", MAX_REASON_LENGTH);
        }
        return text;
    }

    private void moveTo(EntryStatus next, String actor, Instant now) {
        this.submittedFrom = null;
        this.status = next;
        this.lastChangedBy = actor;
        this.lastChangedAt = now;
    }

    private void setValue(EntryValue value) {
        numerator = null;
        denominator = null;
        count = null;
        level = null;
        yesNo = null;
        if (value instanceof EntryValue.Percent percent) {
            numerator = percent.numerator();
            denominator = percent.denominator();
        }
        else if (value instanceof EntryValue.Count c) {
            count = c.count();
        }
        else if (value instanceof EntryValue.Level l) {
            level = l.level();
        }
        else if (value instanceof EntryValue.YesNo y) {
            yesNo = y.yes();
        }
        met = criterion.isMetBy(value.measure());
        points = criterion.pointsFor(value.measure());
    }

    /** The value recorded so far, or null. */
    public EntryValue value() {
        return EntryValue.fromColumns(numerator, denominator, count, level, yesNo);
    }

    /** Whether the recorded value meets the criterion's target, whatever the review status. */
    public boolean isMet() {
        return met;
    }

    /**
     * The points the recorded value earns, whatever the review status (0 without a value): what the verified figure
     * adds once the entry is approved, and the claimed figure once it is submitted.
     */
    public BigDecimal getPoints() {
        return points;
    }

    /** What the audit trail records of the entry, before and after a change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("criterion", criterion.getCode());
        snapshot.put("status", status.name());
        snapshot.put("numerator", numerator);
        snapshot.put("denominator", denominator);
        snapshot.put("count", count);
        snapshot.put("level", level);
        snapshot.put("yesNo", yesNo);
        snapshot.put("explanation", explanation);
        snapshot.put("reason", reason);
        if (reopenedForCommune) {
            snapshot.put("reopenedForCommune", true);
        }
        return snapshot;
    }

    /** An explanation as kept: stripped, null when blank, refused past {@link #EXPLANATION_MAX}, however it came. */
    private static String bounded(String explanation) {
        String text = Unicode.isBlank(explanation) ? null : Unicode.trim(explanation);
        if (text != null && text.length() > EXPLANATION_MAX) {
            throw new RuleViolation("entry.form.explanationTooLong", EXPLANATION_MAX);
        }
        return text;
    }

    public Long getId() {
        return id;
    }

    /** The system that sent the entry to where it stands, or null when a person did; see {@link #submitFromSystem}. */
    public String getSubmittedFrom() {
        return submittedFrom;
    }

    public Assessment getAssessment() {
        return assessment;
    }

    public Criterion getCriterion() {
        return criterion;
    }

    public EntryStatus getStatus() {
        return status;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getReason() {
        return reason;
    }

    public boolean isReopenedForCommune() {
        return reopenedForCommune;
    }

    public Instant getLastChangedAt() {
        return lastChangedAt;
    }

    public String getLastChangedBy() {
        return lastChangedBy;
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
