package org.communedx.model.framework;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A band of values and the points it is worth: {@code from <= value < to}, with no upper end when {@code to} is null.
 * A LEVELS rule holds one band per level, {@code [level, level + 1)}.
 */
@Embeddable
public record ScoreStep(@Column(name = "lower_bound", nullable = false) BigDecimal from,
        @Column(name = "upper_bound") BigDecimal to,
        @Column(name = "points", nullable = false) BigDecimal points) {

    public ScoreStep {
        if (from == null || points == null) {
            throw new IllegalArgumentException("a step needs its lower bound and its points");
        }
    }

    public static ScoreStep level(int level, BigDecimal points) {
        return new ScoreStep(BigDecimal.valueOf(level), BigDecimal.valueOf(level + 1L), points);
    }

    boolean contains(BigDecimal value) {
        return value.compareTo(from) >= 0 && (to == null || value.compareTo(to) < 0);
    }
}
