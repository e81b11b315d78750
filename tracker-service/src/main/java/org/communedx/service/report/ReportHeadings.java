package org.communedx.service.report;

import java.time.Clock;
import java.time.LocalDate;

import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.service.progress.Rollups;
import org.communedx.service.scope.Scopes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The heading of a printed report in the administrative style: the issuing unit on the left (with the unit above
 * it), and the place and date line ("Lạc Sơn, ngày 01 tháng 12 năm 2026"), the date being today in Vietnam; and
 * the title the report is signed under, a setting of the unit ({@link org.communedx.service.unit.UnitSettings}).
 */
@Service
@Transactional(readOnly = true)
public class ReportHeadings {

    private final Scopes scopes;

    private final Rollups rollups;

    private final PeriodRepository periods;

    private final Clock clock;

    ReportHeadings(Scopes scopes, Rollups rollups, PeriodRepository periods, Clock clock) {
        this.scopes = scopes;
        this.rollups = rollups;
        this.periods = periods;
        this.clock = clock;
    }

    /**
     * @param parentName the unit above the issuer, e.g. the province of a district; null for a province
     * @param place the issuer's name without its type: "Lạc Sơn" for Huyện Lạc Sơn
     * @param signerTitle the title the report is signed under, as the unit's settings say; null for the default
     * @param type the issuer's type, which an English report writes after its place ("Lạc Sơn District")
     * @param parentPlace the unit above's name without its type; null for a province
     * @param parentType the unit above's type; null for a province
     */
    public record ReportHeading(String unitCode, String unitName, UnitLevel level, String parentName, String place,
            LocalDate date, String signerTitle, UnitType type, String parentPlace, UnitType parentType) {
    }

    /**
     * The heading of a commune's report of a period: the commune that held the code during the period, as its
     * scorecard. Outside the caller's scope the commune does not exist.
     */
    public ReportHeading communeHeading(String communeCode, long periodId) {
        return heading(scopes.requireDuring(communeCode, period(periodId)));
    }

    /**
     * The heading of a district's or province's report or ranking of a period: the unit whose figures it gives, Tỉnh
     * Phú Thọ for 2023 too, though it was formed in 2025 ({@link Rollups#unitShown}). Outside the caller's scope the
     * unit does not exist.
     */
    public ReportHeading unitHeading(String unitCode, long periodId) {
        return heading(rollups.unitShown(unitCode, period(periodId)));
    }

    private Period period(long periodId) {
        return periods.findById(periodId).orElseThrow(() -> new ExportNotFoundException("period " + periodId));
    }

    private ReportHeading heading(AdministrativeUnit unit) {
        AdministrativeUnit parent = unit.getParent();
        return new ReportHeading(unit.getCode(), unit.getName(), unit.getLevel(),
                parent == null ? null : parent.getName(), place(unit), LocalDate.now(clock.withZone(Exports.VIETNAM)),
                unit.getReportSignerTitle(), unit.getType(), parent == null ? null : place(parent),
                parent == null ? null : parent.getType());
    }

    private static String place(AdministrativeUnit unit) {
        String label = unit.getType().label();
        String name = unit.getName();
        return name.regionMatches(true, 0, label + " ", 0, label.length() + 1) ? name.substring(label.length() + 1)
                : name;
    }
}
