package org.communedx.model.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EntryCommentRepository extends JpaRepository<EntryComment, Long> {

    /** The entry's thread, oldest first, newest last. */
    @Query("select c from EntryComment c where c.entryId = :entryId order by c.postedAt, c.id")
    List<EntryComment> findThread(long entryId);

    /** The author's latest comment on the entry's thread. */
    Optional<EntryComment> findFirstByEntryIdAndAuthorUsernameOrderByIdDesc(long entryId, String authorUsername);
}
