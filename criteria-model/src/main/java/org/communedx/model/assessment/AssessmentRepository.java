package org.communedx.model.assessment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    @Query("select a from Assessment a join fetch a.unit join fetch a.period where a.unit.id = :unitId"
            + " and a.period.id = :periodId")
    Optional<Assessment> findByUnitAndPeriod(long unitId, long periodId);

    boolean existsByPeriodId(long periodId);

    /**
     * Waits while another transaction holds the right to create this commune's assessment of the period, then
     * holds it until this transaction ends (a PostgreSQL advisory lock on the two ids), so that two first visits at
     * the same moment create one assessment, not a duplicate-key error.
     */
    @Query(nativeQuery = true, value = """
            select 1 from (select pg_advisory_xact_lock(cast(:unitId as integer), cast(:periodId as integer))) held""")
    int lockCreation(long unitId, long periodId);
}
