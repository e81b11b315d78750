package org.communedx.model.mapping;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Says that a prefill carried an entry's value over from the commune's entry of a previous period: the entry page
 * shows it, so that commune staff check the value before they submit it, and reviewers know where it came from.
 */
@Entity
@Table(name = "carried_over_value")
public class CarriedOverValue {

    @Id
    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "source_entry_id")
    private Long sourceEntryId;

    @Column(name = "source_period_name", nullable = false)
    private String sourcePeriodName;

    @Column(name = "source_criterion_code", nullable = false)
    private String sourceCriterionCode;

    @Column(name = "carried_at", nullable = false)
    private Instant carriedAt;

    @Column(name = "carried_by", nullable = false)
    private String carriedBy;

    protected CarriedOverValue() {
    }

    public CarriedOverValue(long entryId, long sourceEntryId, String sourcePeriodName, String sourceCriterionCode,
            String carriedBy, Instant carriedAt) {
        this.entryId = entryId;
        this.sourceEntryId = sourceEntryId;
        this.sourcePeriodName = sourcePeriodName;
        this.sourceCriterionCode = sourceCriterionCode;
        this.carriedBy = carriedBy;
        this.carriedAt = carriedAt;
    }

    public Long getEntryId() {
        return entryId;
    }

    public Long getSourceEntryId() {
        return sourceEntryId;
    }

    public String getSourcePeriodName() {
        return sourcePeriodName;
    }

    public String getSourceCriterionCode() {
        return sourceCriterionCode;
    }

    public Instant getCarriedAt() {
        return carriedAt;
    }

    public String getCarriedBy() {
        return carriedBy;
    }
}
