package org.communedx.model.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.communedx.model.framework.Criterion;

/**
 * The value a provincial system measured for one commune's criterion in a period: a suggestion, not an entry. The
 * commune's staff take it into their entry with one action; for a criterion its framework marks
 * {@link Criterion#isAutomatic() automatic} it goes to the reviewer as a submission. Nothing from a system is
 * approved without a person.
 * <p>
 * One row per commune, period and criterion: the latest suggestion replaces the one before, so the row is always the
 * current one. Suggestions arrive by the thousand and are written set-wise (see {@code SuggestedValues} in
 * tracker-service), never through this entity, which only reads them.
 */
@Entity
@Table(name = "suggested_value")
public class SuggestedValue {

    /** The longest system name a suggestion keeps, as the column does. */
    public static final int SOURCE_MAX = 100;

    /** The longest reference a suggestion keeps, as the column does. */
    public static final int REFERENCE_MAX = 200;

    @Id
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private long unitId;

    @Column(name = "period_id", nullable = false, updatable = false)
    private long periodId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "criterion_id", updatable = false)
    private Criterion criterion;

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

    @Column(nullable = false)
    private String source;

    private String reference;

    @Column(name = "measured_at")
    private Instant measuredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    protected SuggestedValue() {
    }

    public EntryValue value() {
        return EntryValue.fromColumns(numerator, denominator, count, level, yesNo);
    }

    public Long getId() {
        return id;
    }

    public long getUnitId() {
        return unitId;
    }

    public long getPeriodId() {
        return periodId;
    }

    public Criterion getCriterion() {
        return criterion;
    }

    public String getSource() {
        return source;
    }

    public String getReference() {
        return reference;
    }

    public Instant getMeasuredAt() {
        return measuredAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReceivedBy() {
        return receivedBy;
    }
}
