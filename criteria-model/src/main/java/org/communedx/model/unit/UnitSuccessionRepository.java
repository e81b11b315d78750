package org.communedx.model.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitSuccessionRepository extends JpaRepository<UnitSuccession, Long> {

    @Query("select s from UnitSuccession s join fetch s.predecessor p left join fetch p.parent "
            + "where s.successor = ?1 order by p.code")
    List<UnitSuccession> findBySuccessor(AdministrativeUnit successor);

    @Query("select s from UnitSuccession s join fetch s.successor n left join fetch n.parent "
            + "where s.predecessor = ?1 order by n.code")
    List<UnitSuccession> findByPredecessor(AdministrativeUnit predecessor);

    /** The communes formed from those of {@code parent} (a district the reform ended), by code. */
    @Query("select distinct s.successor from UnitSuccession s where s.predecessor.parent = ?1 "
            + "and s.successor.level = UnitLevel.COMMUNE order by s.successor.code")
    List<AdministrativeUnit> findCommunesFormedFromThoseOf(AdministrativeUnit parent);

    /** The links into communes with these codes that took effect on another day than {@code date}. */
    @Query("select s from UnitSuccession s join fetch s.predecessor join fetch s.successor n "
            + "where n.code in ?1 and n.level = UnitLevel.COMMUNE and s.effectiveDate <> ?2")
    List<UnitSuccession> findIntoCommunesOnAnotherDay(Collection<String> codes, LocalDate date);

    @Query("select s from UnitSuccession s where s.successor in ?1")
    List<UnitSuccession> findBySuccessorIn(Collection<AdministrativeUnit> successors);
}
