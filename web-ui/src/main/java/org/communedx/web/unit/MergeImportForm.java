package org.communedx.web.unit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** A merge mapping, the day the new units begin, its legal basis, and the new provinces to take from it. */
record MergeImportForm(@NotNull @NonEmptyFile MultipartFile file,
        @NotNull LocalDate effectiveDate,
        @Size(max = 300) String legalBasis,
        @Pattern(regexp = "[0-9 ,]*") @Size(max = 300) String provinceCodes) {

    /** The 2025 reform took effect on 1 July 2025. */
    static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    static MergeImportForm empty() {
        return new MergeImportForm(null, REFORM_2025, "", "");
    }

    Set<String> provinceCodeSet() {
        return provinceCodes == null ? Set.of() : Arrays.stream(provinceCodes.split("[ ,]+"))
                .filter(code -> !code.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
