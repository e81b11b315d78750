package org.communedx.web.unit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.communedx.model.unit.AdministrativeUnit;


/**
 * The title a unit's reports are signed under; blank for the default.
 * @param validOn a day of the unit that holds the code then (a code can name several units over time)
 */
record SignerForm(@NotNull LocalDate validOn,
        @Size(max = AdministrativeUnit.SIGNER_TITLE_MAX) String reportSignerTitle) {
}
