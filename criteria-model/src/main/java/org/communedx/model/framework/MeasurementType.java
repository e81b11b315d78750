package org.communedx.model.framework;

import java.math.BigDecimal;

/** How a criterion's value is measured, and which targets make sense for it. */
public enum MeasurementType {

    /** Done or not done; the target is 1 (done). */
    BOOLEAN(BigDecimal.ZERO, BigDecimal.ONE),
    /** A numerator over a denominator, as a percent. */
    PERCENT(BigDecimal.ZERO, BigDecimal.valueOf(100)),
    /** A whole number of things. */
    COUNT(BigDecimal.ZERO, null),
    /** An ordinal 0 to 3. */
    LEVEL(BigDecimal.ZERO, BigDecimal.valueOf(3));

    private final BigDecimal minimumTarget;

    private final BigDecimal maximumTarget;

    MeasurementType(BigDecimal minimumTarget, BigDecimal maximumTarget) {
        this.minimumTarget = minimumTarget;
        this.maximumTarget = maximumTarget;
    }

    public boolean acceptsTarget(BigDecimal target) {
        if (target == null || target.compareTo(minimumTarget) < 0) {
            return false;
        }
        if (maximumTarget != null && target.compareTo(maximumTarget) > 0) {
            return false;
        }
        // Counts, levels and yes/no are whole numbers; only percentages may have decimals.
        return this == PERCENT || target.stripTrailingZeros().scale() <= 0;
    }
}
