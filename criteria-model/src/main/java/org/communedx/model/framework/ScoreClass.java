package org.communedx.model.framework;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A class a commune is ranked into by its score, e.g. "Xuất sắc" from 900 points: every score at or above
 * {@code threshold} and below the next class's threshold. The threshold is on the framework's display scale: points
 * for a points framework, percent otherwise.
 */
@Embeddable
public record ScoreClass(@Column(name = "name_vi", nullable = false) String nameVi,
        @Column(name = "name_en", nullable = false) String nameEn,
        @Column(name = "threshold", nullable = false) BigDecimal threshold) {

    public ScoreClass {
        nameVi = Framework.requireText(nameVi, "class name (vi)");
        nameEn = Framework.requireText(nameEn, "class name (en)");
        if (threshold == null) {
            throw new IllegalArgumentException("a class needs its threshold");
        }
        // One value, one form: 75.5 from a file equals the 75.50 the database gives back.
        BigDecimal stripped = threshold.stripTrailingZeros();
        threshold = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public ScoreClass(LocalizedText name, BigDecimal threshold) {
        this(name.vi(), name.en(), threshold);
    }

    public LocalizedText name() {
        return new LocalizedText(nameVi, nameEn);
    }
}
