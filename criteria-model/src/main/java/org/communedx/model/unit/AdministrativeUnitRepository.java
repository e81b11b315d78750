package org.communedx.model.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AdministrativeUnitRepository extends JpaRepository<AdministrativeUnit, Long> {

    String VALID_ON = "(u.validFrom is null or u.validFrom <= :date) and (u.validTo is null or u.validTo >= :date)";

    /**
     * Holds the unit's row until the transaction ends, against another such hold only (rows that refer to the unit
     * are still written): what is checked across the unit, a plan's name free under it say, is checked by one
     * transaction at a time, and each sees what the one before it saved.
     */
    @Query(nativeQuery = true, value = "select id from administrative_unit where id = :id for no key update")
    long lockRow(long id);

    @Query("select u from AdministrativeUnit u left join fetch u.parent where " + VALID_ON)
    List<AdministrativeUnit> findAllValidOn(LocalDate date);

    @Query("select u from AdministrativeUnit u left join fetch u.parent where u.code = :code and " + VALID_ON)
    Optional<AdministrativeUnit> findByCodeValidOn(String code, LocalDate date);

    /** The units holding these codes on a date: at most one per code. */
    @Query("select u from AdministrativeUnit u where u.code in :codes and " + VALID_ON)
    List<AdministrativeUnit> findByCodesValidOn(Collection<String> codes, LocalDate date);

    /** Every unit that ever held one of these codes. */
    @Query("select u from AdministrativeUnit u where u.code in :codes")
    List<AdministrativeUnit> findAllByCodes(Collection<String> codes);

    /** The units that hold these codes today, with no end to their validity: at most one per code. */
    @Query("select u from AdministrativeUnit u where u.code in :codes and u.validTo is null")
    List<AdministrativeUnit> findCurrentByCodes(Collection<String> codes);

    /**
     * For each of these codes, the unit that holds it last: the one holding it today, or the last that did. An
     * account of a code belongs to that unit (a code a merger gave to a new unit, to the new one).
     */
    @Query(nativeQuery = true, value = """
            select distinct on (code) code, id from administrative_unit where code in (:codes)
            order by code, valid_to desc nulls first""")
    List<CodeHolder> findLastHolders(Collection<String> codes);

    /** A code and the id of a unit that holds it. */
    interface CodeHolder {

        String getCode();

        Long getId();
    }

    /** Every period of a code, oldest first. */
    @Query("select u from AdministrativeUnit u left join fetch u.parent where u.code = :code "
            + "order by u.validFrom asc nulls first")
    List<AdministrativeUnit> findAllByCode(String code);

    /**
     * The last unit that held the code, when no unit holds it on {@code date} and that one had ended by then: what a
     * form that takes today's units (an account's, a token's) names when refusing the code.
     */
    default Optional<AdministrativeUnit> findEndedBefore(String code, LocalDate date) {
        List<AdministrativeUnit> all = findAllByCode(code);
        return all.isEmpty() || all.stream().anyMatch(unit -> unit.isValidOn(date)) ? Optional.empty()
                : Optional.of(all.get(all.size() - 1)).filter(last -> last.getValidTo() != null
                        && last.getValidTo().isBefore(date));
    }

    @Query("select u from AdministrativeUnit u where u.level = UnitLevel.PROVINCE and " + VALID_ON + " order by u.code")
    List<AdministrativeUnit> findProvincesValidOn(LocalDate date);

    @Query("select u from AdministrativeUnit u where u.parent = :parent and " + VALID_ON + " order by u.code")
    List<AdministrativeUnit> findChildrenValidOn(AdministrativeUnit parent, LocalDate date);

    /** The codes of every unit under any period of {@code code}, and of the code itself: a user's reach. */
    @Query(nativeQuery = true, value = """
            with recursive subtree(id, code) as (
                select id, code from administrative_unit where code = :code
                union
                select child.id, child.code from administrative_unit child join subtree on child.parent_id = subtree.id)
            select distinct code from subtree""")
    List<String> findSubtreeCodes(String code);

    /**
     * The units under any period of {@code code}, and the code's own units. A code reused by a merger has the new
     * unit's subtree as well as the old one's: callers that hold a scope keep only the units it reaches.
     */
    @Query(nativeQuery = true, value = """
            with recursive subtree(id) as (
                select id from administrative_unit where code = :code
                union
                select child.id from administrative_unit child join subtree on child.parent_id = subtree.id)
            select id from subtree""")
    List<Long> findSubtreeIds(String code);

    /**
     * What a user of {@code code} may see: its subtree, and the units that subtree was formed from, with theirs.
     * A unit formed by a merger inherits its predecessors' history, so the new province's manager reaches the old
     * communes that its dashboards list for the periods before the merger. Each step is an index lookup (children
     * by parent, predecessors by successor), which keeps a province's reach to about a millisecond.
     */
    String REACH = """
            with recursive reach(id, code) as (
                select id, code from administrative_unit where code = :code
                union
                select next.id, next.code from reach cross join lateral (
                    select child.id, child.code from administrative_unit child where child.parent_id = reach.id
                    union all
                    select predecessor.id, predecessor.code from unit_succession succession
                        join administrative_unit predecessor on predecessor.id = succession.predecessor_id
                    where succession.successor_id = reach.id) next)
            """;

    /** The codes of the {@link #REACH}: what lists and searches of units may show. */
    @Query(nativeQuery = true, value = REACH + "select distinct code from reach")
    List<String> findReachableCodes(String code);

    /**
     * The units of the {@link #REACH} themselves: a code reused by a merger names a unit outside it on other dates
     * (the new Xã Yên Phú 05305 of 2025 is no longer Huyện Lạc Sơn's, although the old one was).
     */
    @Query(nativeQuery = true, value = REACH + "select id from reach")
    List<Long> findReachableIds(String code);

    /**
     * Units within the scope (the ids of the units reached) whose folded name holds {@code folded} from the start of a
     * word, or whose code starts with {@code codePrefix}; provinces first, then districts, then communes. Both
     * arguments must have LIKE's wildcards escaped with '\'. From a word's start: anywhere, "yen phu" found every
     * "Huyện Phú …" ("huyen phu") before Xã Yên Phú, and "yên" filled the list with districts.
     */
    @Query("select u from AdministrativeUnit u left join fetch u.parent where " + VALID_ON
            + " and (u.searchName like concat(:folded, '%') escape '\\'"
            + " or u.searchName like concat('% ', :folded, '%') escape '\\'"
            + " or u.code like concat(:codePrefix, '%') escape '\\')"
            + " and (:everywhere = true or u.id in :scope)"
            + " order by case u.level when UnitLevel.PROVINCE then 0 when UnitLevel.DISTRICT then 1 else 2 end,"
            + " u.searchName, u.code")
    List<AdministrativeUnit> search(String folded, String codePrefix, LocalDate date, boolean everywhere,
            Collection<Long> scope, Limit limit);
}
