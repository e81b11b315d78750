package org.communedx.model.period;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A participating commune of a plan, and whether it is one of the plan's pilots. */
@Embeddable
public record PlanCommune(@Column(name = "unit_id", nullable = false) Long unitId,
        @Column(name = "pilot", nullable = false) boolean pilot) {
}
