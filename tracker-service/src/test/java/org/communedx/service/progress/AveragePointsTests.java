package org.communedx.service.progress;

import java.math.BigDecimal;

import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AveragePointsTests {

    /** A group's 112.19 points over 12 communes is 9.3492: 9,3 at one decimal, never 9.35 first and then 9,4. */
    @Test
    void anAverageIsRoundedOnceAsTheVersionShowsPoints() {
        BigDecimal sum = new BigDecimal("112.19");

        assertThat(Rollups.averagePoints(sum, 12, settings(1))).isEqualByComparingTo("9.3");
        assertThat(Rollups.averagePoints(sum, 12, settings(2))).isEqualByComparingTo("9.35");
        assertThat(Rollups.averagePoints(sum, 12, settings(0))).isEqualByComparingTo("9");
        assertThat(Rollups.averagePoints(sum, 0, settings(1))).isEqualByComparingTo("0");
    }

    private static ScoreSettings settings(int decimals) {
        return new ScoreSettings(ScoreDisplay.POINTS, decimals, new BigDecimal("100"));
    }
}
