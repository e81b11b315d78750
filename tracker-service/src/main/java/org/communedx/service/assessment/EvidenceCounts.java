package org.communedx.service.assessment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many evidence files each entry has, counted in SQL for a whole scorecard or queue at once. The ids go as one
 * array parameter: a JPQL {@code in} list made Hibernate build and cache a statement per list length, a twentieth of
 * a scorecard's CPU.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceCounts {

    private final JdbcClient jdbc;

    EvidenceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entry id to number of files; an entry that is missing has none. */
    public Map<Long, Integer> forEntries(Collection<Long> entryIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!entryIds.isEmpty()) {
            jdbc.sql("select entry_id, count(*) as files from evidence where entry_id = any(?) group by entry_id")
                    .param(entryIds.toArray(Long[]::new))
                    .query((rs, row) -> counts.put(rs.getLong("entry_id"), rs.getInt("files"))).list();
        }
        return counts;
    }

    public int forEntry(long entryId) {
        return forEntries(List.of(entryId)).getOrDefault(entryId, 0);
    }
}
