package org.communedx.web.unit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.web.multipart.MultipartFile;

/**
 * A GSO list and the date it describes (the list of 01/03/2025 describes the units before the reform).
 */
record ListImportForm(@NotNull @NonEmptyFile MultipartFile file,
        @NotNull LocalDate listDate) {

    static ListImportForm empty() {
        return new ListImportForm(null, null);
    }
}
