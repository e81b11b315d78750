package org.communedx.model.assessment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    @Query("select a from Assessment a join fetch a.unit join fetch a.period where a.unit.id = :unitId"
            + " and a.period.id = :periodId")
    Optional<Assessment> findByUnitAndPeriod(long unitId, long periodId);

    boolean existsByPeriodId(long periodId);
}
