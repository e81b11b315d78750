package org.communedx.service.unit;

import java.time.LocalDate;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.scope.Scopes;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's own settings, which an administrator keeps: the title its printed reports are signed under. */
@Service
@Transactional(readOnly = true)
public class UnitSettings {

    /** The audit trail's name for a unit. */
    public static final String AUDIT_TYPE = "ADMINISTRATIVE_UNIT";

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final AuditLog audit;

    UnitSettings(AdministrativeUnitRepository units, Scopes scopes, AuditLog audit) {
        this.units = units;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** What the audit trail keeps of the setting, before and after. */
    record SignerTitle(String code, String name, String reportSignerTitle) {

        static SignerTitle of(AdministrativeUnit unit) {
            return new SignerTitle(unit.getCode(), unit.getName(), unit.getReportSignerTitle());
        }
    }

    /**
     * Sets the title the reports of the unit that holds {@code code} on {@code validOn} are signed under ("CHỦ TỊCH",
     * "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"); blank returns to the default. Administrators only; a change is audited.
     * @throws IllegalArgumentException for a title longer than {@link AdministrativeUnit#SIGNER_TITLE_MAX}
     */
    @Transactional
    public void setReportSignerTitle(String code, LocalDate validOn, String title) {
        if (!scopes.current().everything()) {
            throw new AccessDeniedException("Only an administrator sets a unit's signer");
        }
        AdministrativeUnit unit = units.findAllByCode(code).stream().filter(candidate -> candidate.isValidOn(validOn))
                .findFirst().orElseThrow(() -> new UnitNotFoundException(code));
        SignerTitle before = SignerTitle.of(unit);
        if (unit.signReportsAs(title)) {
            audit.record(AUDIT_TYPE, unit.getId(), "EDIT", before, SignerTitle.of(unit));
        }
    }
}
