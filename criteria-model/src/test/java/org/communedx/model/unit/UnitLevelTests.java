package org.communedx.model.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitLevelTests {

    /** 04789 typed as a number in a spreadsheet is 4789: the zeros come back, and nothing else is changed. */
    @Test
    void aCodeGetsBackTheZerosASpreadsheetDropped() {
        assertThat(UnitLevel.COMMUNE.withLeadingZeros("4789")).isEqualTo("04789");
        assertThat(UnitLevel.COMMUNE.withLeadingZeros("4")).isEqualTo("00004");
        assertThat(UnitLevel.PROVINCE.withLeadingZeros("1")).isEqualTo("01");
        assertThat(UnitLevel.DISTRICT.withLeadingZeros("157")).isEqualTo("157");
        assertThat(UnitLevel.COMMUNE.withLeadingZeros("123456")).as("too long: for the shape check").isEqualTo("123456");
        assertThat(UnitLevel.COMMUNE.withLeadingZeros("05x")).isEqualTo("05x");
        assertThat(UnitLevel.COMMUNE.withLeadingZeros("")).isEmpty();
        assertThat(UnitLevel.COMMUNE.withLeadingZeros(null)).isNull();
    }
}
