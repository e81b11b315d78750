package org.communedx.model.assessment;

import java.math.BigDecimal;

import org.communedx.model.framework.MeasurementType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.model.assessment.CriterionEntryTests.assertRefused;

class EntryValueTests {

    @Test
    void percentIsComputedAndRoundedHalfUpToTwoDecimals() {
        assertThat(new EntryValue.Percent(18, 20).measure()).isEqualByComparingTo("90");
        assertThat(new EntryValue.Percent(2, 3).measure()).isEqualTo(new BigDecimal("66.666666666666666666666666666667"));
        assertThat(new EntryValue.Percent(2, 3).shownMeasure()).isEqualTo(new BigDecimal("66.67"));
        assertThat(new EntryValue.Count(42).shownMeasure()).isEqualByComparingTo("42");
        assertThat(new EntryValue.Percent(0, 7).measure()).isEqualByComparingTo("0");
        assertThat(new EntryValue.Percent(7, 7).measure()).isEqualByComparingTo("100");
    }

    @Test
    void percentNeedsAPositiveDenominatorAndANumeratorWithinIt() {
        assertRefused(() -> new EntryValue.Percent(0, 0), "entry.value.denominatorNotPositive");
        assertRefused(() -> new EntryValue.Percent(1, -5), "entry.value.denominatorNotPositive");
        assertRefused(() -> new EntryValue.Percent(-1, 5), "entry.value.numeratorNegative");
        assertRefused(() -> new EntryValue.Percent(21, 20), "entry.value.numeratorAboveDenominator");
    }

    /** "có" typed with combining marks (Unikey's "Unicode tổ hợp", macOS) and a no-break space copied from a page. */
    @Test
    void textIsReadAsAReaderSeesIt() {
        assertThat(EntryValue.parse(MeasurementType.BOOLEAN, "co\u0301")).isEqualTo(new EntryValue.YesNo(true));
        assertThat(EntryValue.parse(MeasurementType.BOOLEAN, "Kho\u0302ng")).isEqualTo(new EntryValue.YesNo(false));
        assertThat(EntryValue.parse(MeasurementType.PERCENT, "18/20\u00a0")).isEqualTo(new EntryValue.Percent(18, 20));
        assertThat(EntryValue.parse(MeasurementType.COUNT, "\u200b42")).isEqualTo(new EntryValue.Count(42));
    }

    /** Java would read these as 3, 1 and 18/20: a pasted value is refused, not saved as another number. */
    @Test
    void onlyTheDigitsZeroToNineAreRead() {
        assertThat(EntryValue.parse(MeasurementType.COUNT, " 12 ")).isEqualTo(new EntryValue.Count(12));
        assertThat(EntryValue.parse(MeasurementType.PERCENT, "18 / 20")).isEqualTo(new EntryValue.Percent(18, 20));
        assertRefused(() -> EntryValue.parse(MeasurementType.COUNT, "\u0663"), "entry.value.unreadable");
        assertRefused(() -> EntryValue.parse(MeasurementType.LEVEL, "\uff11"), "entry.value.unreadable");
        assertRefused(() -> EntryValue.parse(MeasurementType.PERCENT, "\uff11\uff18/20"), "entry.value.unreadable");
        assertRefused(() -> EntryValue.parse(MeasurementType.COUNT, "3,0"), "entry.value.unreadable");
    }

    /** A spreadsheet's or a system's "1.000" is told that its separator is wrong, as the entry form tells it. */
    @Test
    void aThousandsSeparatorIsNamed() {
        assertRefused(() -> EntryValue.parse(MeasurementType.COUNT, "1.000"), "entry.value.thousandsSeparator");
        assertRefused(() -> EntryValue.parse(MeasurementType.PERCENT, "1.200/2,000"),
                "entry.value.thousandsSeparator");
        assertRefused(() -> EntryValue.parse(MeasurementType.PERCENT, "12/1.500"), "entry.value.thousandsSeparator");
        assertRefused(() -> EntryValue.parse(MeasurementType.COUNT, "1.5"), "entry.value.unreadable");
    }

    @Test
    void countIsZeroOrMore() {
        assertThat(new EntryValue.Count(0).measure()).isEqualByComparingTo("0");
        assertRefused(() -> new EntryValue.Count(-1), "entry.value.countNegative");
    }

    @Test
    void levelIsZeroToThree() {
        assertThat(new EntryValue.Level(0).measure()).isEqualByComparingTo("0");
        assertThat(new EntryValue.Level(3).measure()).isEqualByComparingTo("3");
        assertRefused(() -> new EntryValue.Level(4), "entry.value.levelOutOfRange");
        assertRefused(() -> new EntryValue.Level(-1), "entry.value.levelOutOfRange");
    }

    @Test
    void yesCountsAsOneAndNoAsZero() {
        assertThat(new EntryValue.YesNo(true).measure()).isEqualByComparingTo("1");
        assertThat(new EntryValue.YesNo(false).measure()).isEqualByComparingTo("0");
    }
}
