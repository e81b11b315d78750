package org.communedx.model.period;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    /**
     * The plans whose scope unit the caller reaches, by the unit's id (a code reused by a merger names units outside
     * the scope too); {@code everywhere} for an administrator.
     */
    @Query("select p from Plan p join fetch p.scopeUnit u where (:everywhere = true or u.id in :scope)"
            + " order by p.startDate desc, p.name")
    List<Plan> findAllInScope(boolean everywhere, Collection<Long> scope);

    boolean existsByName(String name);

    /** The plans a commune takes part in, the latest deadline first. */
    @Query("select p from Plan p join p.communes c where c.unitId = :unitId order by p.deadline desc, p.id desc")
    List<Plan> findByParticipant(long unitId);
}
