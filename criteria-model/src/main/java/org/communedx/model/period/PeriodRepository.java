package org.communedx.model.period;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PeriodRepository extends JpaRepository<Period, Long> {

    @Query("select p from Period p join fetch p.framework order by p.year desc, p.startDate desc")
    List<Period> findAllNewestFirst();

    @Query("select p from Period p join fetch p.framework where p.id = :id")
    Optional<Period> findWithFramework(long id);

    Optional<Period> findByName(String name);

    /**
     * The period's framework as last committed, with the period's row held until this transaction ends: for the
     * creation of an assessment, built on that framework, which {@link #lockForFrameworkChange} then cannot change
     * until the assessment is committed and visible to it. The weakest row lock (FOR KEY SHARE), so that the
     * period's other edits, which take FOR NO KEY UPDATE, do not wait for it.
     */
    @Query(nativeQuery = true, value = "select framework_id from period where id = :id for key share")
    long holdFramework(long id);

    /**
     * Holds the period's row for a change of its framework until this transaction ends, after waiting for the
     * assessments being created in it ({@link #holdFramework}): FOR UPDATE, the one lock that conflicts with theirs.
     */
    @Query(nativeQuery = true, value = "select id from period where id = :id for update")
    Optional<Long> lockForFrameworkChange(long id);
}
