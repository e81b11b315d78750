package org.communedx.model.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;


import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriterionEntryRepository extends JpaRepository<CriterionEntry, Long> {

    /** An entry with what the workflow checks: its criterion, and its assessment's commune and that unit's parent. */
    @Query("select e from CriterionEntry e join fetch e.criterion join fetch e.assessment a join fetch a.unit u"
            + " left join fetch u.parent join fetch a.period where e.id = :id")
    Optional<CriterionEntry> findForWorkflow(long id);

    /**
     * Locks the entry's row until the transaction ends: for a write that must see every other write to the entry that
     * came before it, though it changes no column of the entry (a comment). Only the id is read: an entry read again
     * here, changed meanwhile (a return), would clash with the one the transaction already holds, and the comment
     * was refused as a change made at the same moment.
     */
    @Query(nativeQuery = true, value = "select id from criterion_entry where id = :id for no key update")
    long lockRow(long id);

    /** The same, found by its assessment and its criterion's code. */
    @Query("select e from CriterionEntry e join fetch e.criterion c join fetch e.assessment a join fetch a.unit u"
            + " left join fetch u.parent join fetch a.period where a.id = :assessmentId and c.code = :criterionCode")
    Optional<CriterionEntry> findForWorkflow(long assessmentId, String criterionCode);

    @Query("select e from CriterionEntry e join fetch e.criterion c join fetch c.group g"
            + " where e.assessment.id = :assessmentId order by g.position, c.position")
    List<CriterionEntry> findByAssessmentInOrder(long assessmentId);

    /**
     * How many entries of the communes that held the code a review sent back to their staff and they have not
     * submitted again, per period and unit: returned or reopened, or begun again as a draft, with the reviewer's
     * reason still on them (an approval clears it). Reopened for the commune after the period closed or not, apart,
     * since only those wait on the staff once the period no longer takes their changes.
     */
    @Query("select new org.communedx.model.assessment.CriterionEntryRepository$SentBack(a.period.id, a.unit.id,"
            + " e.reopenedForCommune, count(e), max(e.lastChangedAt)) from CriterionEntry e join e.assessment a"
            + " where a.unit.code = :communeCode and e.reason is not null and e.status in"
            + " (org.communedx.model.assessment.EntryStatus.RETURNED, org.communedx.model.assessment.EntryStatus.DRAFT)"
            + " group by a.period.id, a.unit.id, e.reopenedForCommune")
    List<SentBack> countSentBack(String communeCode);

    /**
     * {@link #countSentBack}'s count of one unit's entries in one period, reopened for the commune or not, and when
     * the latest of them last changed (sent back, or corrected since).
     */
    record SentBack(long periodId, long unitId, boolean reopenedForCommune, long entries, Instant lastChanged) {
    }
}
