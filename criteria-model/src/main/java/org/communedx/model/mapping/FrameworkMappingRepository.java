package org.communedx.model.mapping;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FrameworkMappingRepository extends JpaRepository<FrameworkMapping, Long> {

    @Query("select m from FrameworkMapping m join fetch m.source s join fetch m.target t"
            + " order by t.code, t.version desc, s.version desc")
    List<FrameworkMapping> findAllInOrder();

    @Query("select m from FrameworkMapping m join fetch m.source join fetch m.target where m.id = :id")
    Optional<FrameworkMapping> findWithVersions(long id);

    Optional<FrameworkMapping> findBySourceIdAndTargetId(long sourceId, long targetId);
}
