package org.communedx.service.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitNames;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;
import org.communedx.service.unit.UnitViews.SuccessionView;
import org.communedx.service.unit.UnitViews.TreeNode;
import org.communedx.service.unit.UnitViews.UnitDetail;
import org.communedx.service.unit.UnitViews.UnitSummary;
import org.communedx.service.unit.UnitViews.UnitTree;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the unit tree as of a date: browsing it, searching it, and one unit with its history; always within the
 * current user's scope.
 */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

    /** Enough to pick a unit from; a longer list means the query should be more precise. */
    public static final int SEARCH_LIMIT = 50;

    private final AdministrativeUnitRepository units;

    private final UnitSuccessionRepository successions;

    private final Scopes scopes;

    private final Clock clock;

    UnitDirectory(AdministrativeUnitRepository units, UnitSuccessionRepository successions, Scopes scopes,
            Clock clock) {
        this.units = units;
        this.successions = successions;
        this.scopes = scopes;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The day the unit tree opens on: today, or, for a user whose own unit has ended (a district the 2025 reform
     * closed), its last day. Today the tree held nothing of theirs, and said that no unit was valid on this date.
     */
    public LocalDate openingDay() {
        LocalDate today = today();
        UnitScope scope = scopes.current();
        if (scope.everything() || scope.rootCode() == null) {
            return today;
        }
        return units.findEndedBefore(scope.rootCode(), today).map(AdministrativeUnit::getValidTo).orElse(today);
    }

    /**
     * Units whose name holds the query from the start of a word, whatever its case and diacritics ("lac son", "LẠC
     * SƠN", "son"), or whose code starts with it; at most {@link #SEARCH_LIMIT}, and only within the user's scope.
     */
    public List<UnitSummary> search(String query, LocalDate asOf) {
        String folded = UnitNames.fold(query);
        UnitScope scope = scopes.current();
        if (folded.isEmpty() || (!scope.everything() && scope.unitIds().isEmpty())) {
            return List.of();
        }
        String escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String codePrefix = escaped.matches("[0-9]+") ? escaped : "-";
        // The units themselves, not their codes: a merger gives an old code to a new unit outside the scope (Vụ Bản's
        // 05266 to the new Xã Lạc Sơn of Tỉnh Phú Thọ), whose name the old district must not find. An IN list is never
        // empty: for an administrator it is ignored, but the query still needs one value.
        Set<Long> within = scope.everything() ? Set.of(0L) : scope.unitIds();
        return units.search(escaped, codePrefix, asOf, scope.everything(), within, Limit.of(SEARCH_LIMIT))
                .stream().map(UnitSummary::of).toList();
    }

    /**
     * The provinces valid on a date, or for a user below province level their own unit; along {@code openPath}
     * (codes from the top down), each unit is open and shows its children, so that the tree opens one level at
     * a time.
     */
    public UnitTree tree(List<String> openPath, LocalDate asOf) {
        UnitScope scope = scopes.current();
        List<AdministrativeUnit> roots = scope.everything() ? units.findProvincesValidOn(asOf)
                : scope.rootCode() == null ? List.of() : units.findByCodeValidOn(scope.rootCode(), asOf).stream().toList();
        return new UnitTree(nodes(roots, openPath, 0, asOf));
    }

    private List<TreeNode> nodes(List<AdministrativeUnit> level, List<String> openPath, int depth, LocalDate asOf) {
        return level.stream().map(unit -> {
            boolean open = depth < openPath.size() && openPath.get(depth).equals(unit.getCode())
                    && unit.getLevel() != UnitLevel.COMMUNE;
            List<TreeNode> children = open
                    ? nodes(units.findChildrenValidOn(unit, asOf), openPath, depth + 1, asOf) : List.of();
            return new TreeNode(UnitSummary.of(unit), open, children);
        }).toList();
    }

    /**
     * A unit with its parent, children, predecessors and successors. Without a date, the unit that holds the code
     * today, or else its latest period. Only the units the caller reaches count, by the units themselves: a merger
     * that reuses a code (the new Xã Yên Phú 05305 of province 25) gives it to a unit that the old district must not
     * see, so for the old district the code means its own, older unit.
     */
    public UnitDetail detail(String code, Optional<LocalDate> asOf) {
        UnitScope scope = scopes.current();
        scope.require(code);
        List<AdministrativeUnit> periods = units.findAllByCode(code).stream().filter(scope::includes).toList();
        AdministrativeUnit unit = asOf
                .map(date -> periods.stream().filter(period -> period.isValidOn(date)).findFirst())
                .orElseGet(() -> periods.stream().filter(period -> period.isValidOn(today())).findFirst()
                        .or(() -> periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1))))
                .orElseThrow(() -> new UnitNotFoundException(code));
        LocalDate on = asOf.orElseGet(() -> unit.isValidOn(today()) ? today()
                : unit.getValidTo() != null ? unit.getValidTo() : unit.getValidFrom());
        return new UnitDetail(UnitSummary.of(unit), unit.getParent() != null && scope.includes(unit.getParent()),
                units.findChildrenValidOn(unit, on).stream().map(UnitSummary::of).toList(),
                successions.findBySuccessor(unit).stream()
                        .filter(succession -> scope.includes(succession.getPredecessor()))
                        .map(SuccessionView::predecessorOf).toList(),
                successions.findByPredecessor(unit).stream()
                        .filter(succession -> scope.includes(succession.getSuccessor()))
                        .map(SuccessionView::successorOf).toList(),
                periods.stream().filter(period -> period != unit).map(UnitSummary::of).toList(),
                unit.getReportSignerTitle(), unit.getId());
    }
}
