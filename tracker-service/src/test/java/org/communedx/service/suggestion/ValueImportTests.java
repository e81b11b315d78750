package org.communedx.service.suggestion;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a value file's header, columns, times and source are read, without a database. */
class ValueImportTests {

    @Test
    void theHeaderTellsTheLayout() {
        assertThat(ValueImport.layoutOf(List.of("commune_code", "commune_name", "criterion_code", "criterion_name",
                "value", "reference", "measured_at"))).isEqualTo(ValueImport.Layout.LONG);
        assertThat(ValueImport.layoutOf(List.of("Commune_Code", "criterion_code", "VALUE")))
                .isEqualTo(ValueImport.Layout.LONG);
        assertThat(ValueImport.layoutOf(List.of("commune_code", "commune_name", "G1.C1", "G1.C2")))
                .isEqualTo(ValueImport.Layout.WIDE);
        assertThat(ValueImport.layoutOf(List.of("commune_code", "commune_name"))).as("no criterion").isNull();
        assertThat(ValueImport.layoutOf(List.of("ma", "G1.C1"))).isNull();
        assertThat(ValueImport.layoutOf(List.of())).isNull();
    }

    @Test
    void aColumnIsNamedByItsLetterAndHeader() {
        List<String> header = List.of("commune_code", "", "G1.C1");
        assertThat(ValueImport.column(0, header)).isEqualTo("A (commune_code)");
        assertThat(ValueImport.column(1, header)).isEqualTo("B");
        assertThat(ValueImport.column(27, header)).isEqualTo("AB");
        assertThat(ValueImport.column(-1, header)).isNull();
    }

    @Test
    void aTimeReadsAsAnInstantADateTimeOrADayInVietnam() {
        assertThat(ValueImport.instant("2026-03-31T10:00:00Z")).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
        assertThat(ValueImport.instant("2026-03-31")).isEqualTo(Instant.parse("2026-03-30T17:00:00Z"));
        assertThat(ValueImport.instant("31/03/2026")).isEqualTo(Instant.parse("2026-03-30T17:00:00Z"));
        assertThat(ValueImport.instant("2026-03-31 08:30")).isEqualTo(Instant.parse("2026-03-31T01:30:00Z"));
        assertThat(ValueImport.instant("31/03/2026 08:30")).as("day first, with a time")
                .isEqualTo(Instant.parse("2026-03-31T01:30:00Z"));
        assertThat(ValueImport.instant("31/3/2026 8:30")).as("as Excel writes it in a CSV")
                .isEqualTo(Instant.parse("2026-03-31T01:30:00Z"));
        assertThat(ValueImport.instant("31/03/2026 8h30")).isNull();
        assertThat(ValueImport.instant("hôm qua")).isNull();
        assertThat(ValueImport.instant("31/02/2026")).as("no such day, not 28 February").isNull();
        assertThat(ValueImport.instant("2026-02-30")).isNull();
        assertThat(ValueImport.instant("05/03/26")).as("a year of two digits, never read month first").isNull();
        assertThat(ValueImport.instant("5/3/2026")).isEqualTo(Instant.parse("2026-03-04T17:00:00Z"));
    }

    @Test
    void aTimeIsWrittenBackOnVietnamsClockAndReadsAgain() {
        Instant day = ValueImport.instant("31/03/2026");

        assertThat(ValueImport.text(day)).isEqualTo("2026-03-31 00:00");
        assertThat(ValueImport.instant(ValueImport.text(day))).isEqualTo(day);
    }

    @Test
    void theSourceNamesTheFileAndTheSenderWithinItsLength() {
        assertThat(ValueImport.source("C:\\\\Users\\\\a\\\\chitieu-2026.xlsx", "tinh.phutho"))
                .isEqualTo("chitieu-2026.xlsx (tinh.phutho)");
        String longName = ValueImport.source("x".repeat(300) + ".xlsx", "tinh.phutho");
        assertThat(longName).hasSizeLessThanOrEqualTo(100).endsWith("… (tinh.phutho)");
    }
}
