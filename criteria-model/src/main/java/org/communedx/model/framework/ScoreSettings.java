package org.communedx.model.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a framework version shows its figures: as percent (DX-XA 1.0) or as points, e.g. "825.61 / 1,000", with how
 * many decimals points are rounded to (half up), and the total the version declares, which publishing holds the
 * criteria's maxima to.
 * @param declaredTotal the sum of the maxima the version announces, or null when it announces none
 */
public record ScoreSettings(ScoreDisplay display, int decimals, BigDecimal declaredTotal) {

    /** Points are kept to two decimals (see {@link ScoringRule#points}); showing more would show nothing. */
    public static final int MAX_DECIMALS = 2;

    public static final ScoreSettings PERCENT = new ScoreSettings(ScoreDisplay.PERCENT, 2, null);

    public ScoreSettings {
        display = display == null ? ScoreDisplay.PERCENT : display;
        // 1000 and 1000.00 (as the column returns it) are one total: equal settings compare equal.
        if (declaredTotal != null) {
            BigDecimal stripped = declaredTotal.stripTrailingZeros();
            declaredTotal = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** Whether the version shows its figures as points out of the maximum. */
    public boolean points() {
        return display == ScoreDisplay.POINTS;
    }

    /**
     * Points as this version shows them: rounded half up to its decimals (825.61), as provinces publish. Every page,
     * report and export that shows points rounds them here; a null stays null (no figure yet).
     */
    public BigDecimal round(BigDecimal points) {
        return points == null ? null : points.setScale(decimals, RoundingMode.HALF_UP);
    }
}
