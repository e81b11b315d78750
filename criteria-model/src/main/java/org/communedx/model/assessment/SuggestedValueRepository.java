package org.communedx.model.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reads the current suggestions; they are written set-wise by {@code SuggestedValues}, not through here. */
public interface SuggestedValueRepository extends JpaRepository<SuggestedValue, Long> {

    @Query("select s from SuggestedValue s join fetch s.criterion where s.unitId = :unitId and s.periodId = :periodId")
    List<SuggestedValue> findForCommune(long unitId, long periodId);

    @Query("select s from SuggestedValue s join fetch s.criterion c where s.unitId = :unitId"
            + " and s.periodId = :periodId and c.code = :criterionCode")
    Optional<SuggestedValue> findForCriterion(long unitId, long periodId, String criterionCode);

    boolean existsByPeriodId(long periodId);
}
