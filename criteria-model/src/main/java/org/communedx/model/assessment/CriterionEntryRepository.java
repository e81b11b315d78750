package org.communedx.model.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriterionEntryRepository extends JpaRepository<CriterionEntry, Long> {

    /** An entry with what the workflow checks: its criterion, and its assessment's commune and that unit's parent. */
    @Query("select e from CriterionEntry e join fetch e.criterion join fetch e.assessment a join fetch a.unit u"
            + " left join fetch u.parent join fetch a.period where e.id = :id")
    Optional<CriterionEntry> findForWorkflow(long id);

    /** The same, found by its assessment and its criterion's code. */
    @Query("select e from CriterionEntry e join fetch e.criterion c join fetch e.assessment a join fetch a.unit u"
            + " left join fetch u.parent join fetch a.period where a.id = :assessmentId and c.code = :criterionCode")
    Optional<CriterionEntry> findForWorkflow(long assessmentId, String criterionCode);

    @Query("select e from CriterionEntry e join fetch e.criterion c join fetch c.group g"
            + " where e.assessment.id = :assessmentId order by g.position, c.position")
    List<CriterionEntry> findByAssessmentInOrder(long assessmentId);
}
