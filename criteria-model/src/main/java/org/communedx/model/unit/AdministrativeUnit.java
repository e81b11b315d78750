package org.communedx.model.unit;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.communedx.model.RuleViolation;

/**
 * A province, district or commune of the GSO list, for the period it is valid. Its identity is the code within
 * that period, not the code alone: the reform of 1 July 2025 closed most communes and gave some of their codes
 * to the new units formed from them.
 */
@Entity
@Table(name = "administrative_unit")
public class AdministrativeUnit {

    // A pooled sequence lets the import of the national list insert in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "administrative_unit_id")
    @SequenceGenerator(name = "administrative_unit_id", sequenceName = "administrative_unit_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private UnitLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false)
    private UnitType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private AdministrativeUnit parent;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    /** The title its reports are signed under ("CHỦ TỊCH"); null for the default. */
    @Column(name = "report_signer_title")
    private String reportSignerTitle;

    protected AdministrativeUnit() {
    }

    private AdministrativeUnit(String code, UnitLevel level, String name, UnitType type, AdministrativeUnit parent,
            LocalDate validFrom) {
        if (!level.acceptsCode(code)) {
            throw new IllegalArgumentException("A " + level + " code has " + level.codeLength() + " digits: " + code);
        }
        this.code = code;
        this.level = level;
        this.validFrom = validFrom;
        describe(name, type, parent);
    }

    public static AdministrativeUnit province(String code, String name, UnitType type, LocalDate validFrom) {
        return new AdministrativeUnit(code, UnitLevel.PROVINCE, name, type, null, validFrom);
    }

    /** A district under its province, or a commune under its district, or under its province where none exists. */
    public static AdministrativeUnit within(AdministrativeUnit parent, UnitLevel level, String code, String name,
            UnitType type, LocalDate validFrom) {
        return new AdministrativeUnit(code, level, name, type, Objects.requireNonNull(parent, "parent"), validFrom);
    }

    /**
     * Sets name, type and parent, as a newer list gives them.
     * @return whether anything changed, so that an import can count its updates
     */
    public boolean describe(String newName, UnitType newType, AdministrativeUnit newParent) {
        // "Tỉnh Hoà Bình" for a stored "Tỉnh Hòa Bình" is the same name (UnitNames.sameName): kept as it is, not a
        // rename that every page, report and file then wrote the other way, by a list or a merge file alike.
        String normalized = UnitNames.sameName(name, newName) ? name : UnitNames.normalize(newName);
        if (normalized.isEmpty() || normalized.length() > NAME_MAX) {
            throw new IllegalArgumentException("A unit needs a name of at most " + NAME_MAX + " characters: " + code);
        }
        if (newType == null || !newType.fits(level)) {
            throw new IllegalArgumentException(newType + " is not a type of " + level + " (" + code + ")");
        }
        requireParentAbove(newParent);
        // A unit does not outlive the unit it stands under: a commune of a list of March 2025 imported after the
        // reform, under a district that ended on 30 June, ends with it rather than counting as a unit of today.
        LocalDate end = newParent == null || newParent.validTo == null || validTo != null && validTo.isBefore(
                newParent.validTo) ? validTo : newParent.validTo;
        boolean changed = !normalized.equals(name) || newType != type || !sameUnit(parent, newParent)
                || !Objects.equals(end, validTo);
        this.name = normalized;
        this.searchName = UnitNames.fold(normalized);
        this.type = newType;
        this.parent = newParent;
        this.validTo = end;
        return changed;
    }

    private void requireParentAbove(AdministrativeUnit newParent) {
        boolean fits = switch (level) {
            case PROVINCE -> newParent == null;
            case DISTRICT -> newParent != null && newParent.getLevel() == UnitLevel.PROVINCE;
            // After 2025 a commune hangs directly under its province.
            case COMMUNE -> newParent != null && newParent.getLevel() != UnitLevel.COMMUNE;
        };
        if (!fits) {
            throw new IllegalArgumentException("A " + level + " cannot be placed under "
                    + (newParent == null ? "nothing" : newParent.getLevel() + " " + newParent.getCode()));
        }
    }

    /** The longest signer's title (the column's width). */
    /** The longest name, as the column holds it; the longest in the national list has 40 characters. */
    public static final int NAME_MAX = 200;

    public static final int SIGNER_TITLE_MAX = 100;

    /**
     * Sets the title the unit's reports are signed under, trimmed; blank returns to the default.
     * @return whether it changed, so that only a change is audited
     */
    public boolean signReportsAs(String title) {
        String trimmed = title == null ? "" : title.strip();
        // One line: the title is printed on one, under the authority the report is signed for.
        if (trimmed.length() > SIGNER_TITLE_MAX || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolation("unit.signer.invalid");
        }
        String next = trimmed.isEmpty() ? null : trimmed;
        boolean changed = !Objects.equals(next, reportSignerTitle);
        this.reportSignerTitle = next;
        return changed;
    }

    /** The unit ceases to exist after {@code lastDay}. Closing again on the same day changes nothing. */
    public void close(LocalDate lastDay) {
        if (validTo != null && !validTo.equals(lastDay)) {
            throw new IllegalStateException("Unit " + code + " already closed on " + validTo);
        }
        if (validFrom != null && lastDay.isBefore(validFrom)) {
            throw new IllegalArgumentException("Unit " + code + " cannot close before it began, " + validFrom);
        }
        this.validTo = lastDay;
    }

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }

    // Through getters: either side may be a lazy proxy, whose fields are never set.
    private static boolean sameUnit(AdministrativeUnit one, AdministrativeUnit other) {
        if (one == null || other == null) {
            return one == other;
        }
        return one == other || (one.getId() != null && one.getId().equals(other.getId()));
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getSearchName() {
        return searchName;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public UnitType getType() {
        return type;
    }

    public AdministrativeUnit getParent() {
        return parent;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public String getReportSignerTitle() {
        return reportSignerTitle;
    }
}
