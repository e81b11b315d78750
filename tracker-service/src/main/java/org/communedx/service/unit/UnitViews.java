package org.communedx.service.unit;

import java.time.LocalDate;
import java.util.List;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.SuccessionKind;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitSuccession;
import org.communedx.model.unit.UnitType;

/** What pages and the API show of units: plain records, so that no template lazy-loads. */
public final class UnitViews {

    private UnitViews() {
    }

    /**
     * A unit for one period of its code. {@code validFrom} null means since before the tracker's records;
     * {@code validTo} null means it still exists.
     */
    public record UnitSummary(String code, String name, UnitLevel level, UnitType type, LocalDate validFrom,
            LocalDate validTo, String parentCode, String parentName) {

        static UnitSummary of(AdministrativeUnit unit) {
            AdministrativeUnit parent = unit.getParent();
            return new UnitSummary(unit.getCode(), unit.getName(), unit.getLevel(), unit.getType(),
                    unit.getValidFrom(), unit.getValidTo(), parent == null ? null : parent.getCode(),
                    parent == null ? null : parent.getName());
        }

        /** A date on which this period of the code is valid, to link to exactly this unit. */
        public LocalDate validOn() {
            return validTo != null ? validTo : validFrom;
        }

        public boolean isCurrent() {
            return validTo == null;
        }
    }

    public record SuccessionView(UnitSummary unit, SuccessionKind kind, LocalDate effectiveDate, String legalBasis) {

        static SuccessionView predecessorOf(UnitSuccession succession) {
            return new SuccessionView(UnitSummary.of(succession.getPredecessor()), succession.getKind(),
                    succession.getEffectiveDate(), succession.getLegalBasis());
        }

        static SuccessionView successorOf(UnitSuccession succession) {
            return new SuccessionView(UnitSummary.of(succession.getSuccessor()), succession.getKind(),
                    succession.getEffectiveDate(), succession.getLegalBasis());
        }
    }

    /**
     * @param parentOpen whether the caller may open the parent's page: a commune's staff see their province's name,
     *     but its page is not theirs to open
     * @param reportSignerTitle the title its reports are signed under, null for the default
     * @param id the unit's id: this period of its code, which an administrator may remove (UnitRemoval)
     */
    public record UnitDetail(UnitSummary unit, boolean parentOpen, List<UnitSummary> children,
            List<SuccessionView> predecessors, List<SuccessionView> successors, List<UnitSummary> otherPeriods,
            String reportSignerTitle, long id) {
    }

    /** The provinces of a date, with the path the user has opened below one of them. */
    public record UnitTree(List<TreeNode> provinces) {
    }

    public record TreeNode(UnitSummary unit, boolean open, List<TreeNode> children) {
    }
}
