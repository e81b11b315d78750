package org.communedx.model.evidence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    @Query("select e from Evidence e where e.entry.id = :entryId order by e.uploadedAt, e.id")
    List<Evidence> findByEntryInOrder(long entryId);

    long countByEntryId(long entryId);

    boolean existsBySha256(String sha256);

    /** The file of the entry with these bytes, if it has one already. */
    Optional<Evidence> findFirstByEntryIdAndSha256(long entryId, String sha256);

    /** A file with what the scope check needs, its entry's commune, and its period for the deadline. */
    @Query("select e from Evidence e join fetch e.entry en join fetch en.criterion join fetch en.assessment a"
            + " join fetch a.unit u left join fetch u.parent join fetch a.period where e.id = :id")
    Optional<Evidence> findWithEntry(long id);
}
