package org.communedx.service.report;

import java.math.BigDecimal;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.MeasurementType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTests {

    /** A percent criterion saved without a unit still reads "≥ 90%", as the framework's page writes it. */
    @Test
    void aPercentTargetIsAPercentWithOrWithoutItsUnit() {
        assertThat(Labels.target(MeasurementType.PERCENT, new BigDecimal("90"), Comparison.AT_LEAST, null)
                .getArguments()).containsExactly(new BigDecimal("90"), "%");
        assertThat(Labels.target(MeasurementType.PERCENT, new BigDecimal("90"), Comparison.AT_LEAST, "%")
                .getArguments()).containsExactly(new BigDecimal("90"), "%");
        assertThat(Labels.target(MeasurementType.COUNT, new BigDecimal("3"), Comparison.AT_MOST, " ")
                .getArguments()).containsExactly(new BigDecimal("3"), "");
        assertThat(Labels.target(MeasurementType.COUNT, new BigDecimal("3"), Comparison.AT_MOST, "ngày")
                .getArguments()).containsExactly(new BigDecimal("3"), "\u00a0ngày");
    }

    /** One wording everywhere, the framework's page included: a level says so, a criterion not to be done says no. */
    @Test
    void aLevelSaysSoAndAYesOrNoSaysWhichAnswerMeetsIt() {
        assertThat(Labels.target(MeasurementType.LEVEL, new BigDecimal("2"), Comparison.AT_LEAST, null).getCodes())
                .containsExactly("entry.target.level.AT_LEAST");
        assertThat(Labels.target(MeasurementType.BOOLEAN, BigDecimal.ONE, Comparison.AT_LEAST, null).getCodes())
                .containsExactly("entry.target.yes");
        assertThat(Labels.target(MeasurementType.BOOLEAN, BigDecimal.ZERO, Comparison.AT_MOST, null).getCodes())
                .containsExactly("entry.target.no");
    }
}
